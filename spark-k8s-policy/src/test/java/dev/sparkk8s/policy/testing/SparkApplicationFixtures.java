package dev.sparkk8s.policy.testing;

import dev.sparkk8s.policy.source.Conversion;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Compliant SparkApplications of both flavours, built from fabric8 model objects. */
public final class SparkApplicationFixtures {

  private SparkApplicationFixtures() {
  }

  /**
   * spark.apache.org/v1 running the Spark Connect server, restarted whatever ends it: pod templates with containers
   * named as the sparkConf says.
   */
  public static GenericKubernetesResource apache() {
    Map<String, Object> sparkConf = new LinkedHashMap<>();
    sparkConf.put("spark.kubernetes.driver.podTemplateContainerName", "spark-driver");
    sparkConf.put("spark.kubernetes.executor.podTemplateContainerName", "spark-executor");
    sparkConf.put("spark.dynamicAllocation.enabled", "true");
    sparkConf.put("spark.dynamicAllocation.shuffleTracking.enabled", "true");
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("mainClass", "org.apache.spark.sql.connect.service.SparkConnectServer");
    spec.put("sparkConf", sparkConf);
    spec.put("applicationTolerations", mutable(Map.of("restartConfig", mutable(Map.of(
        "restartPolicy", "Always", "maxRestartAttempts", Long.MAX_VALUE, "restartBackoffMillis", 10_000L)))));
    spec.put("driverSpec", mutable(Map.of("podTemplateSpec", toMap(template("spark-driver", true)))));
    spec.put("executorSpec", mutable(Map.of("podTemplateSpec", toMap(template("spark-executor", false)))));
    return resource("spark.apache.org/v1", "spark-pi", spec);
  }

  /**
   * sparkoperator.k8s.io/v1beta2 on the openshift profile: the driver has no template (the operator adds the
   * Spark container and applies securityContext to it); the executor has a template whose container gets
   * securityContext and volumeMounts from spec.executor.
   */
  public static GenericKubernetesResource kubeflow() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", "Scala");
    spec.put("mode", "cluster");
    spec.put("image", "apache/spark:4.0.0");
    spec.put("mainClass", "org.apache.spark.examples.SparkPi");
    spec.put("sparkVersion", "4.0.0");
    spec.put("sparkConf", new LinkedHashMap<>(Map.of("spark.eventLog.enabled", "false")));
    spec.put("dynamicAllocation", new LinkedHashMap<>(Map.of("enabled", true, "maxExecutors", 4)));
    spec.put("volumes", new ArrayList<>(List.of(
        toMap(new VolumeBuilder().withName("spark-local").withNewEmptyDir().endEmptyDir().build()))));
    Map<String, Object> driver = role();
    driver.put("cores", 1);
    driver.put("memory", "1g");
    driver.put("serviceAccount", "spark");
    Map<String, Object> executor = role();
    executor.put("instances", 1);
    executor.put("memory", "2g");
    PodTemplateSpec executorTemplate = new PodTemplateSpecBuilder()
        .withNewMetadata().withLabels(Labels.of("executor")).endMetadata()
        .withNewSpec().withAutomountServiceAccountToken(false)
        .addNewContainer().withName("spark-kubernetes-executor").endContainer().endSpec()
        .build();
    executor.put("template", toMap(executorTemplate));
    spec.put("driver", driver);
    spec.put("executor", executor);
    return resource("sparkoperator.k8s.io/v1beta2", "spark-pi-kubeflow", spec);
  }

  private static Map<String, Object> role() {
    Map<String, Object> role = new LinkedHashMap<>();
    role.put("annotations", new LinkedHashMap<>(Security.profile("openshift")));
    role.put("podSecurityContext", toMap(Security.openshiftPod()));
    role.put("securityContext", toMap(Security.container()));
    role.put("volumeMounts", new ArrayList<>(List.of(toMap(
        new VolumeMountBuilder().withName("spark-local").withMountPath("/tmp/spark-local").build()))));
    return role;
  }

  /** A restricted pod template; only a driver talks to the Kubernetes API, so only it gets a token. */
  private static PodTemplateSpec template(String container, boolean apiToken) {
    return new PodTemplateSpecBuilder()
        .withNewMetadata().withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(apiToken)
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName(container).withSecurityContext(Security.container()).endContainer()
        .endSpec()
        .build();
  }

  private static GenericKubernetesResource resource(String apiVersion, String name, Map<String, Object> spec) {
    return new GenericKubernetesResourceBuilder()
        .withApiVersion(apiVersion).withKind("SparkApplication")
        .withNewMetadata().withName(name).withLabels(Labels.of("application")).endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }

  /** A model object as the mutable map a custom resource holds. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> toMap(Object model) {
    return Conversion.convert(model, LinkedHashMap.class);
  }

  /** The nested map at {@code keys}, editable in place. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> path(GenericKubernetesResource resource, String... keys) {
    Map<String, Object> map = resource.getAdditionalProperties();
    for (String key : keys) {
      map = (Map<String, Object>) map.get(key);
    }
    return map;
  }

  private static Map<String, Object> mutable(Map<String, Object> map) {
    return new LinkedHashMap<>(map);
  }
}
