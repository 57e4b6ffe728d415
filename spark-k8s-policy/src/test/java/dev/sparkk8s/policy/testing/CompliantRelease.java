package dev.sparkk8s.policy.testing;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.policy.source.Conversion;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A release that passes every rule: the Connect server Deployment mounting the spark-conf ConfigMap and the
 * executor pod template ConfigMap, its Service, and both SparkApplication flavours. A test changes one thing
 * and expects exactly the finding that change causes. Each call to {@link #objects()} renders the current
 * state, so the Spark properties and the executor Pod can be edited as typed values.
 */
public final class CompliantRelease {

  public static final String SPARK_CONF = "spark-conf";
  public static final String EXECUTOR_TEMPLATE = "spark-executor-pod-template";
  public static final String TEMPLATE_KEY = "executor-pod-template.yaml";

  /** spark-defaults.conf, rendered as "key value" lines. */
  public final Map<String, String> sparkDefaults = new LinkedHashMap<>();
  public final ConfigMap sparkConf = new ConfigMapBuilder()
      .withNewMetadata().withName(SPARK_CONF).withLabels(Labels.of("spark-conf"))
      .withAnnotations(new LinkedHashMap<>(Map.of(ChartLabels.BACKEND_ANNOTATION, "kubernetes"))).endMetadata()
      .build();
  /** The executor pod, rendered as YAML into {@link #executorTemplate}. */
  public final Pod executorPod = Workloads.executorPod();
  public final ConfigMap executorTemplate = new ConfigMapBuilder()
      .withNewMetadata().withName(EXECUTOR_TEMPLATE).withLabels(Labels.of("executor")).endMetadata()
      .build();
  public final Deployment connect = connectDeployment();
  public final Service connectService = connectService();
  public final GenericKubernetesResource apacheApp = SparkApplicationFixtures.apache();
  public final GenericKubernetesResource kubeflowApp = SparkApplicationFixtures.kubeflow();
  /** Objects a test adds to the release. */
  public final List<HasMetadata> extra = new ArrayList<>();

  public CompliantRelease() {
    sparkDefaults.put("spark.master", "k8s://https://kubernetes.default.svc:443");
    sparkDefaults.put("spark.driver.port", "7078");
    sparkDefaults.put("spark.driver.blockManager.port", "7079");
    sparkDefaults.put("spark.kubernetes.executor.podTemplateFile", "/opt/spark/pod-templates/" + TEMPLATE_KEY);
    sparkDefaults.put("spark.kubernetes.executor.podTemplateContainerName", "spark-executor");
    sparkDefaults.put("spark.executor.memory", "2g");
    sparkDefaults.put("spark.executor.cores", "1");
    sparkDefaults.put("spark.driver.memory", "1g");
    sparkDefaults.put("spark.dynamicAllocation.enabled", "true");
    sparkDefaults.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
  }

  /** The same release on the standalone backend, with a worker that fits the executors and a recovering master. */
  public CompliantRelease withStandaloneBackend() {
    sparkConf.getMetadata().getAnnotations().put(ChartLabels.BACKEND_ANNOTATION, "standalone");
    sparkDefaults.put("spark.master", "spark://spark-master:7077");
    connectPod().setAutomountServiceAccountToken(false);
    extra.add(Workloads.worker("--memory", "4g", "--cores", "2"));
    extra.add(Workloads.master());
    return this;
  }

  public List<HasMetadata> objects() {
    sparkConf.setData(Map.of("spark-defaults.conf", sparkDefaults.entrySet().stream()
        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining("\n", "", "\n"))));
    executorTemplate.setData(Map.of(TEMPLATE_KEY, Conversion.asYaml(executorPod)));
    List<HasMetadata> objects = new ArrayList<>(
        List.of(sparkConf, executorTemplate, connect, connectService, apacheApp, kubeflowApp));
    objects.addAll(extra);
    return objects;
  }

  public List<Finding> check() {
    return PolicyEngine.standard().check(objects());
  }

  public PodSpec connectPod() {
    return connect.getSpec().getTemplate().getSpec();
  }

  public Container connectContainer() {
    return connectPod().getContainers().get(0);
  }

  public Container executorContainer() {
    return executorPod.getSpec().getContainers().get(0);
  }

  public StatefulSet worker() {
    return statefulSet("spark-worker");
  }

  public StatefulSet master() {
    return statefulSet("spark-master");
  }

  private StatefulSet statefulSet(String name) {
    return extra.stream().filter(StatefulSet.class::isInstance).map(StatefulSet.class::cast)
        .filter(s -> s.getMetadata().getName().equals(name)).findFirst().orElseThrow();
  }

  /** {@code spec.driverSpec} or {@code spec.executorSpec} of the Apache SparkApplication, editable. */
  public Map<String, Object> apacheRole(String role) {
    return SparkApplicationFixtures.path(apacheApp, "spec", role + "Spec");
  }

  /** {@code spec.driver} or {@code spec.executor} of the kubeflow SparkApplication, editable. */
  public Map<String, Object> kubeflowRole(String role) {
    return SparkApplicationFixtures.path(kubeflowApp, "spec", role);
  }

  /** Edits the typed pod template of the Apache SparkApplication's driver or executor. */
  public void editApacheTemplate(String role, Consumer<PodTemplateSpec> edit) {
    Map<String, Object> spec = apacheRole(role);
    PodTemplateSpec template = Conversion.convert(spec.get("podTemplateSpec"), PodTemplateSpec.class);
    edit.accept(template);
    spec.put("podTemplateSpec", SparkApplicationFixtures.toMap(template));
  }

  /** Edits the pod template of the kubeflow SparkApplication's driver or executor (an empty one when it has none). */
  public void editKubeflowTemplate(String role, Consumer<PodTemplateSpec> edit) {
    Map<String, Object> spec = kubeflowRole(role);
    PodTemplateSpec template = Conversion.convert(spec.getOrDefault("template", Map.of()), PodTemplateSpec.class);
    if (template.getSpec() == null) {
      template.setSpec(new PodSpec());
    }
    edit.accept(template);
    spec.put("template", SparkApplicationFixtures.toMap(template));
  }

  /** Edits one typed field ({@code securityContext}, {@code podSecurityContext}, ...) of a kubeflow role. */
  public <T> void editKubeflow(String role, String field, Class<T> type, Consumer<T> edit) {
    Map<String, Object> spec = kubeflowRole(role);
    T value = Conversion.convert(spec.getOrDefault(field, Map.of()), type);
    edit.accept(value);
    spec.put(field, SparkApplicationFixtures.toMap(value));
  }

  private static Deployment connectDeployment() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("spark-connect").withLabels(Labels.of("connect")).endMetadata()
        .withNewSpec().withReplicas(1)
        .withNewSelector().withMatchLabels(Labels.selector("connect")).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(Labels.of("connect")).withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(true)
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("spark-connect").withImage("apache/spark:4.0.0")
        .addNewPort().withName("grpc").withContainerPort(15002).endPort()
        .addNewPort().withName("driver").withContainerPort(7078).endPort()
        .addNewPort().withName("blockmanager").withContainerPort(7079).endPort()
        .addNewVolumeMount().withName("spark-conf").withMountPath("/opt/spark/conf").endVolumeMount()
        .addNewVolumeMount().withName("executor-template").withMountPath("/opt/spark/pod-templates").endVolumeMount()
        .addNewVolumeMount().withName("work").withMountPath("/opt/spark/work-dir").endVolumeMount()
        .withNewResources().addToLimits("memory", new Quantity("2Gi")).addToRequests("memory", new Quantity("2Gi"))
        .endResources()
        .withSecurityContext(Security.container())
        .endContainer()
        .addNewVolume().withName("spark-conf").withNewConfigMap().withName(SPARK_CONF).endConfigMap().endVolume()
        .addNewVolume().withName("executor-template").withNewConfigMap().withName(EXECUTOR_TEMPLATE).endConfigMap()
        .endVolume()
        .addNewVolume().withName("work").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** Driver port targeted by name, block manager port by number: both resolutions are exercised. */
  private static Service connectService() {
    return new ServiceBuilder()
        .withNewMetadata().withName("spark-connect").withLabels(Labels.of("connect")).endMetadata()
        .withNewSpec().withClusterIP("None").withSelector(Labels.selector("connect"))
        .addNewPort().withName("grpc").withPort(15002).withTargetPort(new IntOrString(15002)).endPort()
        .addNewPort().withName("driver").withPort(7078).withTargetPort(new IntOrString("driver")).endPort()
        .addNewPort().withName("blockmanager").withPort(7079).withTargetPort(new IntOrString(7079)).endPort()
        .endSpec()
        .build();
  }
}
