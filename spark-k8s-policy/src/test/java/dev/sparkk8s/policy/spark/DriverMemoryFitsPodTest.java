package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import org.junit.jupiter.api.Test;

/** The server's limit is 2Gi; spark.driver.memory 1g needs 1408 MiB. */
class DriverMemoryFitsPodTest {

  private static final String CONNECT = "Deployment/spark-connect";
  private static final String LIMIT = "spec.template.spec.containers[spark-connect].resources.limits.memory";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void driverMemoryPlusOverheadExceedsTheLimit() {
    release.sparkDefaults.put("spark.driver.memory", "2g");

    Finding f = only(release.check(), DriverMemoryFitsPod.ID, CONNECT, "spark-connect", LIMIT);
    assertThat(f.message()).contains("spark.driver.memory 2g").contains("= 2432 MiB").contains("2Gi");
    assertThat(f.fix()).contains("spark.driver.memory");
  }

  @Test
  void largestDriverThatFits() {
    release.sparkDefaults.put("spark.driver.memory", "1664m");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void missingLimit() {
    release.connectContainer().getResources().setLimits(null);

    only(release.check(), DriverMemoryFitsPod.ID, CONNECT, "spark-connect", LIMIT);
  }
}
