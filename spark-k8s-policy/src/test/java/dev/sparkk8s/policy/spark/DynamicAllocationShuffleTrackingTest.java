package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import org.junit.jupiter.api.Test;

class DynamicAllocationShuffleTrackingTest {

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void dynamicAllocationWithoutShuffleTracking() {
    release.sparkDefaults.remove("spark.dynamicAllocation.shuffleTracking.enabled");

    Finding f = only(release.check(), DynamicAllocationShuffleTracking.ID, "ConfigMap/spark-conf", null,
        "data[spark-defaults.conf][spark.dynamicAllocation.shuffleTracking.enabled]");
    assertThat(f.message()).contains("spark.dynamicAllocation.shuffleTracking.enabled unset");
    assertThat(f.fix()).contains("spark.executor.dynamicAllocation.enabled");
  }

  @Test
  void externalShuffleServiceServesInstead() {
    release.sparkDefaults.put("spark.dynamicAllocation.shuffleTracking.enabled", "false");
    release.sparkDefaults.put("spark.shuffle.service.enabled", "TRUE");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void decommissionMovingShuffleBlocksServesInstead() {
    release.sparkDefaults.put("spark.dynamicAllocation.shuffleTracking.enabled", "false");
    release.sparkDefaults.put("spark.decommission.enabled", "true");
    release.sparkDefaults.put("spark.storage.decommission.enabled", "true");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void decommissionWithoutShuffleBlocksDoesNot() {
    release.sparkDefaults.put("spark.dynamicAllocation.shuffleTracking.enabled", "false");
    release.sparkDefaults.put("spark.decommission.enabled", "true");
    release.sparkDefaults.put("spark.storage.decommission.enabled", "true");
    release.sparkDefaults.put("spark.storage.decommission.shuffleBlocks.enabled", "false");

    only(release.check(), DynamicAllocationShuffleTracking.ID, "ConfigMap/spark-conf", null,
        "data[spark-defaults.conf][spark.dynamicAllocation.shuffleTracking.enabled]");
  }

  @Test
  void apacheSparkApplicationWithShuffleTrackingOff() {
    SparkApplicationFixtures.path(release.apacheApp, "spec", "sparkConf")
        .put("spark.dynamicAllocation.shuffleTracking.enabled", "false");

    Finding f = only(release.check(), DynamicAllocationShuffleTracking.ID, "SparkApplication/spark-pi", null,
        "spec.sparkConf[spark.dynamicAllocation.shuffleTracking.enabled]");
    assertThat(f.message()).contains("spark.dynamicAllocation.shuffleTracking.enabled false");
  }

  @Test
  void kubeflowDynamicAllocationWithShuffleTrackingTurnedOff() {
    SparkApplicationFixtures.path(release.kubeflowApp, "spec", "dynamicAllocation").put("shuffleTrackingEnabled", false);

    only(release.check(), DynamicAllocationShuffleTracking.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.dynamicAllocation.shuffleTrackingEnabled");
  }
}
