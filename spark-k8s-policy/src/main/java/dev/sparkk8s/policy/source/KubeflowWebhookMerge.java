package dev.sparkk8s.policy.source;

import dev.sparkk8s.policy.source.SparkServiceAccount.Setting;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The pod kubeflow/spark-operator creates for the driver or the executors of a {@code sparkoperator.k8s.io}
 * SparkApplication, built in the operator's steps (the method names below are its functions):
 * <ol>
 *   <li>submission.go {@code buildDriverPodTemplate}/{@code buildExecutorPodTemplate}: {@code spec.<role>.template},
 *       or a pod with one container named {@link ContainerNames#SPARK_DEFAULT_DRIVER}/{@link ContainerNames#SPARK_DEFAULT_EXECUTOR};</li>
 *   <li>{@code driverPodTemplateOption}/{@code executorPodTemplateOption}: spark-submit gets those two names as
 *       {@code spark.kubernetes.<role>.podTemplateContainerName}, after the sparkConf; Spark takes the container of
 *       that name, else the first, and puts it after the others;</li>
 *   <li>{@code driverConfOption}/{@code executorConfOption}: the application's labels, then the role's
 *       {@code labels}, {@code annotations} and {@code serviceAccount} reach the pod as Spark properties, merged by
 *       key;</li>
 *   <li>sparkpod_defaulter.go {@code mutateSparkPod}, the mutating webhook, on the container {@code findContainer}
 *       picks: see each step. Every step that appends does so without looking for an entry of the same name
 *       already in the pod.</li>
 * </ol>
 * Each field keeps the path where it was written in the SparkApplication.
 */
public final class KubeflowWebhookMerge {

  private static final String LOCAL_DIR_PREFIX = "spark-local-dir-";

  /**
   * One role's pod after the merge.
   *
   * @param site               the pod, with the path of every field
   * @param forcedName         the container name the operator gives spark-submit for this role
   * @param templateContainers the names of the template's containers, as written (empty without template)
   * @param origins            where each volume, volume mount and env var of the pod was written
   */
  public record Pod(PodSite site, String forcedName, List<String> templateContainers,
      Map<Object, String> origins) {

    public String origin(Object element) {
      return origins.get(element);
    }
  }

  private final GenericKubernetesResource app;
  private final SparkRole role;
  private final Map<String, Object> appSpec;
  private final Map<String, Object> roleSpec;
  private final String rolePath;
  private final String templatePath;
  private final Map<Object, String> origins = new IdentityHashMap<>();
  private final Map<Container, FieldPath> containerPaths = new IdentityHashMap<>();
  private ObjectMeta metadata;
  private PodSpec spec;
  private FieldPath metadataPath;
  private FieldPath specPath;
  private Container main;

  private KubeflowWebhookMerge(GenericKubernetesResource app, SparkRole role) {
    this.app = app;
    this.role = role;
    this.appSpec = SparkApplications.spec(app);
    this.roleSpec = Conversion.map(appSpec.get(role.role()));
    this.rolePath = "spec." + role.role();
    this.templatePath = rolePath + ".template.spec";
  }

  public static String forcedName(SparkRole role) {
    return role == SparkRole.DRIVER ? ContainerNames.SPARK_DEFAULT_DRIVER : ContainerNames.SPARK_DEFAULT_EXECUTOR;
  }

  public static Pod pod(GenericKubernetesResource app, SparkRole role) {
    KubeflowWebhookMerge merge = new KubeflowWebhookMerge(app, role);
    List<String> templateContainers = merge.buildPodTemplate();
    merge.selectSparkContainer();
    merge.confOption();
    merge.main = merge.findContainer();
    merge.addEnvVars();
    merge.addVolumes();
    merge.addContainerPorts();
    merge.addHostNetwork();
    merge.addInitContainers();
    merge.addSidecarContainers();
    merge.addSecurityContexts();
    return new Pod(merge.site(), forcedName(role), templateContainers, merge.origins);
  }

  /** {@code buildDriverPodTemplate}/{@code buildExecutorPodTemplate}; the template's container names. */
  private List<String> buildPodTemplate() {
    Object raw = roleSpec.get("template");
    PodTemplateSpec template = raw == null ? new PodTemplateSpec() : Conversion.convert(raw, PodTemplateSpec.class);
    metadata = template.getMetadata() == null ? new ObjectMeta() : template.getMetadata();
    spec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    metadataPath = FieldPath.at(rolePath + ".template.metadata");
    specPath = FieldPath.at(templatePath);
    spec.setVolumes(new ArrayList<>(PodSite.nonNull(spec.getVolumes())));
    spec.getVolumes().forEach(v -> origins.put(v, templatePath + ".volumes[" + v.getName() + "]"));
    spec.setContainers(new ArrayList<>(PodSite.nonNull(spec.getContainers())));
    spec.getContainers().forEach(c -> track(c, FieldPath.at(templatePath + ".containers[" + c.getName() + "]")));
    spec.setInitContainers(new ArrayList<>(PodSite.nonNull(spec.getInitContainers())));
    spec.getInitContainers()
        .forEach(c -> track(c, FieldPath.at(templatePath + ".initContainers[" + c.getName() + "]")));
    return spec.getContainers().stream().map(Container::getName).toList();
  }

  /** Spark's {@code KubernetesUtils.selectSparkContainer} with the forced name: that container, else the first. */
  private void selectSparkContainer() {
    List<Container> containers = spec.getContainers();
    if (containers.isEmpty()) {
      Container added = new ContainerBuilder().withName(forcedName(role)).build();
      track(added, FieldPath.at(rolePath));
      containers.add(added);
      return;
    }
    int named = containers.stream().map(Container::getName).toList().indexOf(forcedName(role));
    containers.add(containers.remove(Math.max(named, 0)));
  }

  /** {@code driverConfOption}/{@code executorConfOption}: labels, annotations and the ServiceAccount. */
  private void confOption() {
    Map<String, String> labels = new LinkedHashMap<>(metadata.getLabels() == null ? Map.of() : metadata.getLabels());
    Conversion.stringMap(app.getMetadata().getLabels()).forEach((k, v) -> {
      labels.put(k, v);
      metadataPath = metadataPath.withOverride("labels[" + k + "]", "metadata.labels[" + k + "]");
    });
    Conversion.stringMap(roleSpec.get("labels")).forEach((k, v) -> {
      labels.put(k, v);
      metadataPath = metadataPath.withOverride("labels[" + k + "]", rolePath + ".labels[" + k + "]");
    });
    metadata.setLabels(labels);
    Map<String, String> annotations = new LinkedHashMap<>(
        metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations());
    Conversion.stringMap(roleSpec.get("annotations")).forEach((k, v) -> {
      annotations.put(k, v);
      metadataPath = metadataPath.withOverride("annotations[" + k + "]", rolePath + ".annotations[" + k + "]");
    });
    metadata.setAnnotations(annotations);
    Map<String, String> sparkConf = SparkApplications.sparkConf(app);
    SparkServiceAccount.apply(spec, role, account(sparkConf, SparkRole.DRIVER), account(sparkConf, SparkRole.EXECUTOR))
        .ifPresent(path -> specPath = specPath.withOverride("serviceAccountName", path)
            .withOverride("serviceAccount", path));
  }

  /** {@code findContainer}: the first container with a Spark name ({@code executor} too), else the first. */
  private Container findContainer() {
    List<String> names = role == SparkRole.DRIVER
        ? List.of(ContainerNames.SPARK_DEFAULT_DRIVER)
        : List.of("executor", ContainerNames.SPARK_DEFAULT_EXECUTOR);
    return spec.getContainers().stream().filter(c -> names.contains(c.getName())).findFirst()
        .orElse(spec.getContainers().get(0));
  }

  /** {@code addEnvVars} and {@code addEnvFrom}: appended. */
  private void addEnvVars() {
    List<EnvVar> env = new ArrayList<>(PodSite.nonNull(main.getEnv()));
    for (EnvVar e : Conversion.convertList(roleSpec.get("env"), EnvVar.class)) {
      env.add(e);
      fromRole(e, "env[" + e.getName() + "]");
    }
    main.setEnv(env);
    List<EnvFromSource> envFrom = new ArrayList<>(PodSite.nonNull(main.getEnvFrom()));
    envFrom.addAll(Conversion.convertList(roleSpec.get("envFrom"), EnvFromSource.class));
    main.setEnvFrom(envFrom);
  }

  /**
   * {@code addVolumes}: for each typed volumeMount naming an entry of {@code spec.volumes}, that volume (once per
   * name) and the mount are appended; {@code spark-local-dir-*} mounts are Spark's.
   */
  private void addVolumes() {
    Map<String, Volume> declared = new LinkedHashMap<>();
    Conversion.convertList(appSpec.get("volumes"), Volume.class).forEach(v -> declared.putIfAbsent(v.getName(), v));
    List<VolumeMount> mounts = new ArrayList<>(PodSite.nonNull(main.getVolumeMounts()));
    List<String> added = new ArrayList<>();
    for (VolumeMount m : Conversion.convertList(roleSpec.get("volumeMounts"), VolumeMount.class)) {
      Volume v = declared.get(m.getName());
      if (v == null || m.getName().startsWith(LOCAL_DIR_PREFIX)) {
        continue;
      }
      if (!added.contains(v.getName())) {
        added.add(v.getName());
        spec.getVolumes().add(v);
        origins.put(v, "spec.volumes[" + v.getName() + "]");
        specPath = specPath.withOverride("volumes[" + v.getName() + "]", "spec.volumes[" + v.getName() + "]");
      }
      mounts.add(m);
      fromRole(m, "volumeMounts[" + m.getMountPath() + "]");
    }
    main.setVolumeMounts(mounts);
  }

  /** {@code addContainerPorts}: appended. */
  private void addContainerPorts() {
    List<ContainerPort> ports = new ArrayList<>(PodSite.nonNull(main.getPorts()));
    for (ContainerPort p : Conversion.convertList(roleSpec.get("ports"), ContainerPort.class)) {
      ports.add(p);
      fromRole(p, "ports[" + p.getName() + "]");
    }
    main.setPorts(ports);
  }

  /** {@code addHostNetwork}: set when true. */
  private void addHostNetwork() {
    if (Boolean.TRUE.equals(roleSpec.get("hostNetwork"))) {
      spec.setHostNetwork(true);
      specPath = specPath.withOverride("hostNetwork", rolePath + ".hostNetwork");
    }
  }

  /** {@code addInitContainers}: appended unless one of the same name and image is there ({@code hasInitContainer}). */
  private void addInitContainers() {
    for (Container c : Conversion.convertList(roleSpec.get("initContainers"), Container.class)) {
      if (absent(spec.getInitContainers(), c)) {
        spec.getInitContainers().add(c);
        track(c, FieldPath.at(rolePath + ".initContainers[" + c.getName() + "]"));
      }
    }
  }

  /** {@code addSidecarContainers}: appended unless one of the same name and image is there ({@code hasContainer}). */
  private void addSidecarContainers() {
    for (Container c : Conversion.convertList(roleSpec.get("sidecars"), Container.class)) {
      if (absent(spec.getContainers(), c)) {
        spec.getContainers().add(c);
        track(c, FieldPath.at(rolePath + ".sidecars[" + c.getName() + "]"));
      }
    }
  }

  /** {@code addContainerSecurityContext} and {@code addPodSecurityContext}: replaced when given. */
  private void addSecurityContexts() {
    if (roleSpec.get("securityContext") != null) {
      main.setSecurityContext(Conversion.convert(roleSpec.get("securityContext"), SecurityContext.class));
      containerPaths.put(main, containerPaths.get(main).withOverride("securityContext", rolePath + ".securityContext"));
    }
    if (roleSpec.get("podSecurityContext") != null) {
      spec.setSecurityContext(Conversion.convert(roleSpec.get("podSecurityContext"), PodSecurityContext.class));
      specPath = specPath.withOverride("securityContext", rolePath + ".podSecurityContext");
    }
  }

  private PodSite site() {
    List<ContainerSite> sites = new ArrayList<>();
    spec.getInitContainers().forEach(c -> sites.add(new ContainerSite(c, true, containerPaths.get(c))));
    spec.getContainers().forEach(c -> sites.add(new ContainerSite(c, false, containerPaths.get(c))));
    return new PodSite(app, metadata, metadataPath, spec, specPath, List.copyOf(sites));
  }

  private static boolean absent(List<Container> containers, Container candidate) {
    return containers.stream().noneMatch(c -> Objects.equals(c.getName(), candidate.getName())
        && Objects.equals(c.getImage(), candidate.getImage()));
  }

  /** The typed {@code serviceAccount} of a role, else the sparkConf's key (the typed one comes later). */
  private Optional<Setting> account(Map<String, String> sparkConf, SparkRole of) {
    Object typed = Conversion.map(appSpec.get(of.role())).get("serviceAccount");
    if (typed != null) {
      return Optional.of(new Setting(String.valueOf(typed), "spec." + of.role() + ".serviceAccount"));
    }
    String key = of == SparkRole.DRIVER ? SparkServiceAccount.DRIVER_KEY : SparkServiceAccount.EXECUTOR_KEY;
    return Optional.ofNullable(sparkConf.get(key)).map(v -> new Setting(v, "spec.sparkConf[" + key + "]"));
  }

  /** A container and where it was written, with the volume mounts and env vars it comes with. */
  private void track(Container c, FieldPath path) {
    containerPaths.put(c, path);
    PodSite.nonNull(c.getVolumeMounts())
        .forEach(m -> origins.put(m, path + ".volumeMounts[" + m.getMountPath() + "]"));
    PodSite.nonNull(c.getEnv()).forEach(e -> origins.put(e, path + ".env[" + e.getName() + "]"));
  }

  /** A field of the Spark container appended from the role's typed field of the same name. */
  private void fromRole(Object element, String field) {
    String path = rolePath + "." + field;
    origins.put(element, path);
    containerPaths.put(main, containerPaths.get(main).withOverride(field, path));
  }
}
