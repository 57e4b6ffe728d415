package dev.sparkk8s.policy.source;

import dev.sparkk8s.policy.source.SparkServiceAccount.Setting;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;
import java.util.Optional;

/**
 * The driver and executor pods of a {@code spark.apache.org} SparkApplication:
 * {@code spec.driverSpec.podTemplateSpec} and {@code spec.executorSpec.podTemplateSpec}. A pod exists for each
 * role whether or not a template is given, and Spark adds the main container when the template has none and
 * sets the ServiceAccount the sparkConf names.
 */
final class ApacheSparkApplicationPods {

  private ApacheSparkApplicationPods() {
  }

  static PodSite site(GenericKubernetesResource app, SparkRole role) {
    Map<String, String> conf = SparkApplications.sparkConf(app);
    String path = "spec." + role.role() + "Spec.podTemplateSpec";
    Object raw = Conversion.map(SparkApplications.spec(app).get(role.role() + "Spec")).get("podTemplateSpec");
    PodTemplateSpec template = raw == null ? new PodTemplateSpec() : Conversion.convert(raw, PodTemplateSpec.class);
    PodSpec podSpec = template.getSpec() == null ? new PodSpec() : template.getSpec();
    role.mainContainer(podSpec, conf);
    SparkServiceAccount.apply(podSpec, role, setting(conf, SparkServiceAccount.DRIVER_KEY),
        setting(conf, SparkServiceAccount.EXECUTOR_KEY));
    return PodSite.of(app, template.getMetadata(), path + ".metadata", podSpec, path + ".spec");
  }

  private static Optional<Setting> setting(Map<String, String> conf, String key) {
    return Optional.ofNullable(conf.get(key)).map(v -> new Setting(v, "spec.sparkConf[" + key + "]"));
  }
}
