package dev.sparkk8s.render;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What to render: release name, namespace, an optional preset, values files and {@code --set}
 * pairs. Values apply in this order, later ones winning: the chart's values.yaml, the preset, the
 * values files in the order given, the {@code --set} pairs in the order given.
 */
public final class RenderRequest {

  public static final String DEFAULT_RELEASE = "spark";
  public static final String DEFAULT_NAMESPACE = "default";
  /**
   * The Kubernetes version {@code helm template} assumes when it has no cluster: the Helm 3.21 and
   * 4.1 CLIs are built against client-go 0.35 and report v1.35.0. The Helm library embedded in
   * helm-java is built without Helm's linker flags and would report v1.20.0, which the chart's
   * {@code kubeVersion} constraint refuses, so the renderer always passes a version.
   */
  public static final String DEFAULT_KUBE_VERSION = "1.35.0";

  private final String releaseName;
  private final String namespace;
  private final String preset;
  private final List<Path> valuesFiles;
  private final List<SetValue> sets;
  private final String kubeVersion;

  private RenderRequest(Builder b) {
    this.releaseName = b.releaseName;
    this.namespace = b.namespace;
    this.preset = b.preset;
    this.valuesFiles = List.copyOf(b.valuesFiles);
    this.sets = List.copyOf(b.sets);
    this.kubeVersion = b.kubeVersion;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Release {@code spark} in namespace {@code default}, chart defaults only. */
  public static RenderRequest defaults() {
    return builder().build();
  }

  public String releaseName() {
    return releaseName;
  }

  public String namespace() {
    return namespace;
  }

  public Optional<String> preset() {
    return Optional.ofNullable(preset);
  }

  public List<Path> valuesFiles() {
    return valuesFiles;
  }

  public List<SetValue> sets() {
    return sets;
  }

  public String kubeVersion() {
    return kubeVersion;
  }

  /** A builder holding this request's settings, to derive a variant. */
  public Builder toBuilder() {
    Builder b = new Builder().release(releaseName).namespace(namespace).preset(preset)
        .kubeVersion(kubeVersion);
    b.valuesFiles.addAll(valuesFiles);
    b.sets.addAll(sets);
    return b;
  }

  @Override
  public String toString() {
    return "RenderRequest[release=" + releaseName + ", namespace=" + namespace + ", preset=" + preset
        + ", valuesFiles=" + valuesFiles + ", sets=" + sets + ", kubeVersion=" + kubeVersion + "]";
  }

  public static final class Builder {
    private String releaseName = DEFAULT_RELEASE;
    private String namespace = DEFAULT_NAMESPACE;
    private String preset;
    private final List<Path> valuesFiles = new ArrayList<>();
    private final List<SetValue> sets = new ArrayList<>();
    private String kubeVersion = DEFAULT_KUBE_VERSION;

    private Builder() {
    }

    /** Release name; {@code null} keeps the default {@code spark}. */
    public Builder release(String name) {
      this.releaseName = name == null ? DEFAULT_RELEASE : name;
      return this;
    }

    /** Namespace; {@code null} keeps the default {@code default}. */
    public Builder namespace(String namespace) {
      this.namespace = namespace == null ? DEFAULT_NAMESPACE : namespace;
      return this;
    }

    /** Preset name ({@code presets/<name>.yaml} in the chart), or {@code null} for none. */
    public Builder preset(String preset) {
      this.preset = preset;
      return this;
    }

    /** Adds a values file after the ones already added ({@code -f}). */
    public Builder valuesFile(Path file) {
      valuesFiles.add(Objects.requireNonNull(file, "file"));
      return this;
    }

    public Builder valuesFiles(List<Path> files) {
      files.forEach(this::valuesFile);
      return this;
    }

    /** Adds one {@code --set key=value} pair after the ones already added. */
    public Builder set(String key, String value) {
      sets.add(new SetValue(key, value));
      return this;
    }

    public Builder set(SetValue pair) {
      sets.add(Objects.requireNonNull(pair, "pair"));
      return this;
    }

    /**
     * Adds the pairs of one {@code --set} command-line argument ({@code a=1,b=2}), see
     * {@link SetValue#parse(String)}.
     */
    public Builder setArgument(String argument) {
      sets.addAll(SetValue.parse(argument));
      return this;
    }

    /**
     * The user's preset, values files and {@code --set} arguments: the preset replaces any set before, the
     * files and pairs come after the ones already added.
     */
    public Builder values(UserValues values) {
      preset(values.preset()).valuesFiles(values.valuesFiles());
      values.setArguments().forEach(this::setArgument);
      return this;
    }

    /** Kubernetes version for {@code .Capabilities.KubeVersion}; {@code null} keeps the default. */
    public Builder kubeVersion(String version) {
      this.kubeVersion = version == null ? DEFAULT_KUBE_VERSION : version;
      return this;
    }

    public RenderRequest build() {
      return new RenderRequest(this);
    }
  }
}
