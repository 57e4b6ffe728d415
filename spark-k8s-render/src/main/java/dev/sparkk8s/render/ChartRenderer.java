package dev.sparkk8s.render;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintCommand;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Renders the chart in-process with the Helm library embedded in helm-java (Helm 3.21, no binary).
 *
 * <p>Values apply in this order: the chart's values.yaml, the preset
 * ({@code presets/<name>.yaml}, as the first values file), the values files, the {@code --set}
 * pairs. {@link #renderYaml} returns exactly what {@code helm template} prints for the same inputs.
 * One deliberate difference: a preset or values file that repeats a key in the same map is refused
 * ({@link ValuesException}), where Helm silently keeps the last one.
 */
public final class ChartRenderer {

  private final Path chartDir;
  private final Presets presets;

  /** A renderer for the chart in {@code chartDir} (the directory holding Chart.yaml). */
  public ChartRenderer(Path chartDir) {
    Path dir = chartDir.toAbsolutePath().normalize();
    if (!Files.isRegularFile(dir.resolve("Chart.yaml"))) {
      throw new ChartException(chartDir + ": not a chart directory (no Chart.yaml)");
    }
    this.chartDir = dir;
    this.presets = new Presets(dir);
  }

  /** A renderer for the chart bundled in this jar, extracted once per JVM. */
  public static ChartRenderer bundled() {
    return new ChartRenderer(BundledChart.directory());
  }

  public Path chartDir() {
    return chartDir;
  }

  public Presets presets() {
    return presets;
  }

  /** Exactly what {@code helm template} prints for these inputs. */
  public String renderYaml(RenderRequest request) {
    TemplateCommand template = new Helm(chartDir).template()
        .withName(request.releaseName())
        .withNamespace(request.namespace())
        .withKubeVersion(request.kubeVersion());
    return withValues(request, template::withValuesFile, template::set, template::call);
  }

  /**
   * Runs a Helm command ({@code call}) with the request's values applied as {@link #renderYaml} applies them: the
   * preset first, then the values files, then the {@code --set} pairs; Helm's errors translated as for a render.
   */
  public <T> T withValues(RenderRequest request, Consumer<Path> valuesFile, BiConsumer<String, String> set,
      Supplier<T> call) {
    Map<String, String> fileNames = new LinkedHashMap<>();
    List<Path> temporary = new ArrayList<>();
    try {
      List<String> problems = new ArrayList<>();
      if (request.preset().isPresent()) {
        Presets.Preset preset = presets.get(request.preset().get());
        valuesFile.accept(helmPath(preset.file(),
            "preset " + preset.name() + " (" + Presets.DIRECTORY + "/" + preset.file().getFileName() + ")",
            fileNames, temporary));
      }
      for (Path file : request.valuesFiles()) {
        if (!Files.isRegularFile(file)) {
          problems.add(file + ": " + (Files.exists(file) ? "not a regular file" : "file not found"));
        } else if (!Files.isReadable(file)) {
          problems.add(file + ": not readable");
        } else {
          valuesFile.accept(helmPath(file, file.toString(), fileNames, temporary));
        }
      }
      if (!problems.isEmpty()) {
        throw new ValuesException(problems);
      }
      for (SetValue pair : OrderedSets.resolve(request.sets())) {
        set.accept(pair.key(), pair.value());
      }
      try {
        return call.get();
      } catch (IllegalStateException e) {
        throw new HelmErrors(ValuesSchema.of(chartDir), fileNames).translate(e.getMessage());
      }
    } finally {
      temporary.forEach(ChartRenderer::deleteQuietly);
    }
  }

  /** Renders and parses the objects into fabric8 model objects. */
  public RenderedRelease render(RenderRequest request) {
    return RenderedRelease.parse(renderYaml(request));
  }

  /**
   * {@code helm lint} on the chart with its own values. helm-java's lint takes no values: validate a
   * user's values by rendering them ({@link #render}), which applies the schema.
   */
  public HelmLintResult helmLint() {
    return helmLint(false);
  }

  /** {@code helm lint}, with {@code --strict} when asked (warnings then fail too). */
  public HelmLintResult helmLint(boolean strict) {
    LintCommand lint = new Helm(chartDir).lint();
    if (strict) {
      lint.strict();
    }
    LintResult result = lint.call();
    return new HelmLintResult(result.getMessages(), result.isFailed());
  }

  /**
   * The path to hand to helm-java for a values file. helm-java joins values files with commas, so a
   * path holding a comma is copied to a temporary file first.
   */
  private static Path helmPath(Path file, String displayName, Map<String, String> fileNames,
      List<Path> temporary) {
    Path absolute = file.toAbsolutePath().normalize();
    refuseDuplicateKeys(absolute, displayName);
    if (absolute.toString().contains(",")) {
      try {
        Path copy = Files.createTempFile("spark-k8s-values-", ".yaml");
        Files.copy(absolute, copy, StandardCopyOption.REPLACE_EXISTING);
        temporary.add(copy);
        absolute = copy;
      } catch (IOException e) {
        throw new UncheckedIOException("cannot copy " + file + ": " + e.getMessage(), e);
      }
    }
    fileNames.put(absolute.toString(), displayName);
    return absolute;
  }

  /** Helm keeps the last of two equal keys without a word; refuse such a file instead. */
  private static void refuseDuplicateKeys(Path file, String displayName) {
    List<String> duplicates;
    try {
      duplicates = DuplicateKeys.find(Files.readString(file));
    } catch (CharacterCodingException e) {
      return; // not UTF-8: leave it to Helm
    } catch (IOException e) {
      throw new ValuesException(displayName + ": cannot be read: " + e.getMessage());
    }
    if (!duplicates.isEmpty()) {
      throw new ValuesException(duplicates.stream().map(d -> displayName + ": " + d).toList());
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // a temporary file; the OS cleans up
    }
  }
}
