package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The driver and executor pods of a {@code spark.apache.org} SparkApplication:
 * {@code spec.driverSpec.podTemplateSpec} and {@code spec.executorSpec.podTemplateSpec}. A pod exists for each
 * role whether or not a template is given, and Spark adds the main container when the template has none.
 */
final class ApacheSparkApplicationPods {

  private ApacheSparkApplicationPods() {
  }

  static List<PodSite> sites(GenericKubernetesResource app) {
    Map<String, String> conf = SparkApplications.sparkConf(app);
    Map<String, Object> spec = SparkApplications.spec(app);
    return Stream.of(SparkRole.DRIVER, SparkRole.EXECUTOR).map(role -> site(app, spec, conf, role)).toList();
  }

  private static PodSite site(GenericKubernetesResource app, Map<String, Object> spec, Map<String, String> conf,
      SparkRole role) {
    String path = "spec." + role.role() + "Spec.podTemplateSpec";
    Object raw = Conversion.map(spec.get(role.role() + "Spec")).get("podTemplateSpec");
    PodTemplateSpec template = raw == null ? new PodTemplateSpec() : Conversion.convert(raw, PodTemplateSpec.class);
    PodSpec podSpec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    role.mainContainer(podSpec, conf);
    return PodSite.of(app, template.getMetadata(), path + ".metadata", podSpec, path + ".spec");
  }
}
