package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
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
