package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compliant Apache SparkApplication runs the Connect server with restartPolicy Always and Long.MAX_VALUE attempts. */
class ConnectServerRestartsForeverTest {

  private static final String APACHE = "SparkApplication/spark-pi";
  private static final String RESTART = "spec.applicationTolerations.restartConfig";

  private final CompliantRelease release = new CompliantRelease();

  private Map<String, Object> restartConfig() {
    return SparkApplicationFixtures.path(release.apacheApp, "spec", "applicationTolerations", "restartConfig");
  }

  @Test
  void restartOnlyOnFailure() {
    restartConfig().put("restartPolicy", "OnFailure");

    Finding f = only(release.check(), ConnectServerRestartsForever.ID, APACHE, null, RESTART + ".restartPolicy");
    assertThat(f.message()).contains("OnFailure");
    assertThat(f.fix()).contains("Always");
  }

  @Test
  void theOperatorsDefaultOfThreeAttempts() {
    restartConfig().remove("maxRestartAttempts");

    Finding f = only(release.check(), ConnectServerRestartsForever.ID, APACHE, null, RESTART + ".maxRestartAttempts");
    assertThat(f.message()).contains("unset (3)");
    assertThat(f.fix()).contains("9223372036854775807");
  }

  @Test
  void aSmallFailureLimit() {
    restartConfig().put("maxRestartOnFailure", 5);

    only(release.check(), ConnectServerRestartsForever.ID, APACHE, null, RESTART + ".maxRestartOnFailure");
  }

  @Test
  void aBatchApplicationMayStopForGood() {
    SparkApplicationFixtures.path(release.apacheApp, "spec").put("mainClass", "org.apache.spark.examples.SparkPi");
    SparkApplicationFixtures.path(release.apacheApp, "spec").remove("applicationTolerations");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void kubeflowConnectServerWithoutARestartPolicy() {
    SparkApplicationFixtures.path(release.kubeflowApp, "spec").put("mainClass", ConnectServerRestartsForever.CONNECT_SERVER);

    Finding f = only(release.check(), ConnectServerRestartsForever.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.restartPolicy.type");
    assertThat(f.message()).contains("unset (Never)");
  }
}
