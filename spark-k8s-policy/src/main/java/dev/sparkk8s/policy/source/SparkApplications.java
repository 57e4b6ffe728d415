package dev.sparkk8s.policy.source;

import dev.sparkk8s.policy.Manifests;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;

/** The two SparkApplication flavours: Apache Spark Kubernetes Operator and kubeflow spark-operator. */
public final class SparkApplications {

  public static final String APACHE_GROUP = "spark.apache.org";
  public static final String KUBEFLOW_GROUP = "sparkoperator.k8s.io";

  private SparkApplications() {
  }

  public static boolean isApache(HasMetadata object) {
    return isSparkApplication(object, APACHE_GROUP);
  }

  public static boolean isKubeflow(HasMetadata object) {
    return isSparkApplication(object, KUBEFLOW_GROUP);
  }

  public static boolean isSparkApplication(HasMetadata object) {
    return isApache(object) || isKubeflow(object);
  }

  /** {@code spec.sparkConf}, values as text. */
  public static Map<String, String> sparkConf(GenericKubernetesResource app) {
    return Conversion.stringMap(spec(app).get("sparkConf"));
  }

  /** The driver's or the executors' pod, as the application's operator builds it. */
  public static PodSite pod(GenericKubernetesResource app, SparkRole role) {
    if (isKubeflow(app)) {
      return KubeflowWebhookMerge.pod(app, role).site();
    }
    if (isApache(app)) {
      return ApacheSparkApplicationPods.site(app, role);
    }
    throw new IllegalArgumentException(app.getApiVersion() + " " + app.getKind() + " is not a SparkApplication");
  }

  /** Every SparkApplication of either flavour among the objects. */
  public static List<GenericKubernetesResource> in(Manifests manifests) {
    return manifests.all(GenericKubernetesResource.class).stream().filter(SparkApplications::isSparkApplication)
        .toList();
  }

  public static Map<String, Object> spec(GenericKubernetesResource app) {
    return Conversion.map(app.getAdditionalProperties().get("spec"));
  }

  private static boolean isSparkApplication(HasMetadata object, String group) {
    return object instanceof GenericKubernetesResource
        && "SparkApplication".equals(object.getKind())
        && object.getApiVersion() != null
        && object.getApiVersion().startsWith(group + "/");
  }
}
