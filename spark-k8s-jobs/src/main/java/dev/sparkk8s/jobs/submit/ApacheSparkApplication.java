package dev.sparkk8s.jobs.submit;

import dev.sparkk8s.jobs.profile.JobProfile;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A batch job as an Apache operator SparkApplication ({@code spark.apache.org/v1}): the profile's configuration and
 * pod templates, run once (no restart), its pods kept after a failure for their logs.
 */
public final class ApacheSparkApplication {

  public static final String API_VERSION = "spark.apache.org/v1";

  private ApacheSparkApplication() {
  }

  public static GenericKubernetesResource of(JobProfile profile, JobRequest request, String namespace) {
    Map<String, Object> spec = new LinkedHashMap<>();
    request.mainClass().ifPresent(c -> spec.put("mainClass", c));
    spec.put(request.python() ? "pyFiles" : "jars", request.app());
    if (!request.args().isEmpty()) {
      spec.put("driverArgs", request.args());
    }
    spec.put("sparkConf", JobConf.of(profile, request));
    spec.put("applicationTolerations", Map.of(
        "restartConfig", Map.of("restartPolicy", "Never"),
        "resourceRetainPolicy", "OnFailure"));
    spec.put("runtimeVersions", Map.of("sparkVersion", profile.sparkRelease(), "scalaVersion",
        profile.scalaVersion()));
    spec.put("driverSpec", Map.of("podTemplateSpec", template(profile.driverTemplate().orElseThrow())));
    spec.put("executorSpec", Map.of("podTemplateSpec", template(profile.executorTemplate().orElseThrow())));
    return new GenericKubernetesResourceBuilder().withApiVersion(API_VERSION).withKind("SparkApplication")
        .withNewMetadata().withName(request.name()).withNamespace(namespace)
        .withLabels(profile.driverTemplate().orElseThrow().getMetadata().getLabels()).endMetadata()
        .withAdditionalProperties(Map.of("spec", spec)).build();
  }

  private static Map<String, Object> template(Pod pod) {
    return OperatorPodTemplates.asMap(pod, List.of());
  }
}
