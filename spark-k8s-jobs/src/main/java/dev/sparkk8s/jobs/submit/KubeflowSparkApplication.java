package dev.sparkk8s.jobs.submit;

import dev.sparkk8s.jobs.profile.JobProfile;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch job as a Kubeflow operator SparkApplication ({@code sparkoperator.k8s.io/v1beta2}). The operator hands
 * its typed image, pull settings and driver ServiceAccount to spark-submit after the sparkConf, so those keys of the
 * profile become typed fields; the pods' settings stay in the templates (its webhook would append typed ones a second
 * time), but the executors' labels, which spark-submit's application labels would override.
 */
public final class KubeflowSparkApplication {

  public static final String API_VERSION = "sparkoperator.k8s.io/v1beta2";
  private static final String IMAGE = "spark.kubernetes.container.image";
  private static final String PULL_POLICY = "spark.kubernetes.container.image.pullPolicy";
  private static final String PULL_SECRETS = "spark.kubernetes.container.image.pullSecrets";
  private static final String SERVICE_ACCOUNT = "spark.kubernetes.authenticate.driver.serviceAccountName";

  private KubeflowSparkApplication() {
  }

  public static GenericKubernetesResource of(JobProfile profile, JobRequest request, String namespace) {
    Map<String, String> conf = JobConf.of(profile, request);
    Pod driver = profile.driverTemplate().orElseThrow();
    Pod executor = profile.executorTemplate().orElseThrow();
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", request.python() ? "Python" : "Scala");
    spec.put("mode", "cluster");
    spec.put("sparkVersion", profile.sparkRelease());
    spec.put("image", conf.remove(IMAGE));
    spec.put("imagePullPolicy", conf.remove(PULL_POLICY));
    String secrets = conf.remove(PULL_SECRETS);
    if (secrets != null) {
      spec.put("imagePullSecrets", Arrays.asList(secrets.split(",")));
    }
    request.mainClass().ifPresent(c -> spec.put("mainClass", c));
    spec.put("mainApplicationFile", request.app());
    if (!request.args().isEmpty()) {
      spec.put("arguments", request.args());
    }
    String serviceAccount = conf.remove(SERVICE_ACCOUNT);
    spec.put("sparkConf", conf);
    spec.put("restartPolicy", Map.of("type", "Never"));
    spec.put("driver", Map.of("serviceAccount", serviceAccount,
        "template", OperatorPodTemplates.asMap(driver, List.of())));
    spec.put("executor", Map.of("labels", executor.getMetadata().getLabels(),
        "template", OperatorPodTemplates.asMap(executor, List.of("labels"))));
    return new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION).withKind("SparkApplication")
        .withNewMetadata().withName(request.name()).withNamespace(namespace)
        .withLabels(driver.getMetadata().getLabels()).endMetadata()
        .withAdditionalProperties(Map.of("spec", spec)).build();
  }
}
