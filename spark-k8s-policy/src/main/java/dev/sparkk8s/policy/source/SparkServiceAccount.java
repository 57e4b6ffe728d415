package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Optional;

/**
 * The ServiceAccount Spark gives a pod it builds from a template (Spark's
 * {@code DriverKubernetesCredentialsFeatureStep} and {@code ExecutorKubernetesCredentialsFeatureStep}): the driver
 * gets {@code spark.kubernetes.authenticate.driver.serviceAccountName} when it is set; an executor whose template
 * names no {@code serviceAccount} gets {@code spark.kubernetes.authenticate.executor.serviceAccountName}, else the
 * driver's.
 */
public final class SparkServiceAccount {

  static final String DRIVER_KEY = "spark.kubernetes.authenticate.driver.serviceAccountName";
  static final String EXECUTOR_KEY = "spark.kubernetes.authenticate.executor.serviceAccountName";

  /** A setting and the field it was written at. */
  record Setting(String value, String path) {
  }

  private SparkServiceAccount() {
  }

  /** Sets the pod's ServiceAccount as Spark does; the path of the setting that decided it, if one did. */
  static Optional<String> apply(PodSpec spec, SparkRole role, Optional<Setting> driver, Optional<Setting> executor) {
    Optional<Setting> chosen = role == SparkRole.DRIVER ? driver
        : spec.getServiceAccount() == null || spec.getServiceAccount().isEmpty() ? executor.or(() -> driver)
        : Optional.empty();
    chosen.ifPresent(s -> {
      spec.setServiceAccount(s.value());
      spec.setServiceAccountName(s.value());
    });
    return chosen.map(Setting::path);
  }

  /** The ServiceAccount a pod runs as: its serviceAccountName, else the deprecated serviceAccount, else default. */
  public static String of(PodSpec spec) {
    if (spec.getServiceAccountName() != null && !spec.getServiceAccountName().isEmpty()) {
      return spec.getServiceAccountName();
    }
    if (spec.getServiceAccount() != null && !spec.getServiceAccount().isEmpty()) {
      return spec.getServiceAccount();
    }
    return "default";
  }
}
