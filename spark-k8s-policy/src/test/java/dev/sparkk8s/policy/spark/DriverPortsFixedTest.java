package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DriverPortsFixedTest {

  private static final String CONF = "ConfigMap/spark-conf";
  private static final String CONNECT = "Deployment/spark-connect";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void unsetDriverPort() {
    release.sparkDefaults.remove("spark.driver.port");

    Finding f = only(release.check(), DriverPortsFixed.ID, CONF, null, "data[spark-defaults.conf][spark.driver.port]");
    assertThat(f.message()).contains("spark.driver.port is unset");
    assertThat(f.fix()).contains("spark.driver.port");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "random", "70000"})
  void blockManagerPortThatIsNotFixed(String value) {
    release.sparkDefaults.put("spark.driver.blockManager.port", value);

    Finding f = only(release.check(), DriverPortsFixed.ID, CONF, null,
        "data[spark-defaults.conf][spark.driver.blockManager.port]");
    assertThat(f.message()).contains("spark.driver.blockManager.port " + value);
    assertThat(f.fix()).contains("spark.driver.blockManagerPort");
  }

  @Test
  void theGeneralBlockManagerPortServesTheDriverToo() {
    release.sparkDefaults.remove("spark.driver.blockManager.port");
    release.sparkDefaults.put("spark.blockManager.port", "7079");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void blockManagerPortNotDeclaredOnTheContainer() {
    release.connectContainer().getPorts().removeIf(p -> p.getContainerPort() == 7079);

    Finding f = only(release.check(), DriverPortsFixed.ID, CONNECT, "spark-connect",
        "spec.template.spec.containers[spark-connect].ports");
    assertThat(f.message()).contains("spark.driver.blockManager.port 7079");
  }

  @Test
  void driverPortNotExposedByTheService() {
    release.connectService.getSpec().getPorts().removeIf(p -> p.getName().equals("driver"));

    Finding f = only(release.check(), DriverPortsFixed.ID, "Service/spark-connect", null, "spec.ports");
    assertThat(f.message()).contains("spark.driver.port 7078");
  }

  @Test
  void serviceNamedTargetPortMustNameAContainerPort() {
    release.connectContainer().getPorts().stream().filter(p -> p.getName().equals("driver"))
        .forEach(p -> p.setName("drv"));

    only(release.check(), DriverPortsFixed.ID, "Service/spark-connect", null, "spec.ports");
  }

  @Test
  void noServiceSelectsTheServer() {
    release.connectService.getSpec().getSelector().put("app.kubernetes.io/component", "history");

    only(release.check(), DriverPortsFixed.ID, CONNECT, "spark-connect", "spec.template.metadata.labels");
  }

  @Test
  void standaloneBackendNeedsTheDriverPortsToo() {
    release.withStandaloneBackend().sparkDefaults.remove("spark.driver.port");

    only(release.check(), DriverPortsFixed.ID, CONF, null, "data[spark-defaults.conf][spark.driver.port]");
  }
}
