package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.Conversion;
import dev.sparkk8s.policy.source.SparkApplications;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Dynamic allocation removes executors; without shuffle tracking, an external shuffle service or graceful
 * decommission moving their shuffle blocks, their shuffle files go with them.
 * {@code spark.dynamicAllocation.enabled=true} therefore needs
 * {@code spark.dynamicAllocation.shuffleTracking.enabled=true}, {@code spark.shuffle.service.enabled=true} or
 * {@code spark.decommission.enabled} with {@code spark.storage.decommission.enabled} (shuffle blocks migrate unless
 * {@code spark.storage.decommission.shuffleBlocks.enabled=false}), set explicitly (Spark before 3.4 defaults
 * shuffle tracking to false). A kubeflow SparkApplication's
 * {@code spec.dynamicAllocation} counts too: the operator turns shuffle tracking on unless
 * {@code shuffleTrackingEnabled: false}.
 */
public final class DynamicAllocationShuffleTracking implements Rule {

  public static final String ID = "spark/dynamic-allocation-shuffle-tracking";
  static final String ENABLED = "spark.dynamicAllocation.enabled";
  static final String TRACKING = "spark.dynamicAllocation.shuffleTracking.enabled";
  static final String SERVICE = "spark.shuffle.service.enabled";
  static final String DECOMMISSION = "spark.decommission.enabled";
  static final String STORAGE_DECOMMISSION = "spark.storage.decommission.enabled";
  static final String SHUFFLE_BLOCKS = "spark.storage.decommission.shuffleBlocks.enabled";
  private static final String FIX = "set " + TRACKING + "=true (the chart does so with "
      + "spark.executor.dynamicAllocation.enabled), or turn spark.executor.dynamicAllocation.enabled off";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    Stream.concat(SparkConfs.release(manifests).stream(), SparkConfs.applications(manifests).stream())
        .forEach(conf -> check(conf, out));
  }

  private static void check(SparkConf conf, List<Finding> out) {
    Map<String, Object> operator = SparkApplications.isKubeflow(conf.owner())
        ? Conversion.map(SparkApplications.spec((GenericKubernetesResource) conf.owner()).get("dynamicAllocation"))
        : Map.of();
    boolean operatorEnabled = Boolean.TRUE.equals(operator.get("enabled"));
    boolean operatorTracking = operatorEnabled && !Boolean.FALSE.equals(operator.get("shuffleTrackingEnabled"));
    boolean enabled = conf.isTrue(ENABLED) || operatorEnabled;
    boolean shuffleMigrates = conf.isTrue(DECOMMISSION) && conf.isTrue(STORAGE_DECOMMISSION)
        && !conf.get(SHUFFLE_BLOCKS).map(v -> v.equalsIgnoreCase("false")).orElse(false);
    if (!enabled || conf.isTrue(TRACKING) || conf.isTrue(SERVICE) || operatorTracking || shuffleMigrates) {
      return;
    }
    String message = (operatorEnabled ? "spec.dynamicAllocation.enabled is true" : ENABLED + " is true")
        + " but " + conf.show(TRACKING) + " and " + conf.show(SERVICE)
        + "; executors removed by dynamic allocation lose their shuffle files";
    if (operatorEnabled) {
      out.add(new Finding(ID, conf.resource(), null, "spec.dynamicAllocation.shuffleTrackingEnabled", message,
          "remove shuffleTrackingEnabled: false, or enable an external shuffle service"));
    } else {
      out.add(conf.finding(ID, TRACKING, message, FIX));
    }
  }
}
