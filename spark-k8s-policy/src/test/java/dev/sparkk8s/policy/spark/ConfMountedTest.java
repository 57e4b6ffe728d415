package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfMountedTest {

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void mountedWhereSparkDoesNotLook() {
    release.connectContainer().getVolumeMounts().get(0).setMountPath("/etc/spark");

    Finding f = only(release.check(), ConfMounted.ID, "Deployment/spark-connect", "spark-connect",
        "spec.template.spec.containers[spark-connect].volumeMounts");
    assertThat(f.message()).contains("/opt/spark/conf/spark-defaults.conf");
  }

  @Test
  void sparkConfDirPointsAtTheMount() {
    release.connectContainer().getVolumeMounts().get(0).setMountPath("/etc/spark");
    release.connectContainer().setEnv(
        List.of(new EnvVarBuilder().withName("SPARK_CONF_DIR").withValue("/etc/spark").build()));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void subPathMountOfTheFile() {
    var mount = release.connectContainer().getVolumeMounts().get(0);
    mount.setMountPath("/opt/spark/conf/spark-defaults.conf");
    mount.setSubPath("spark-defaults.conf");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void notMountedAtAll() {
    release.connectContainer().getVolumeMounts().remove(0);

    Finding f = only(release.check(), ConfMounted.ID, "ConfigMap/spark-conf", null, "metadata.name");
    assertThat(f.message()).contains("no container mounts ConfigMap spark-conf");
  }
}
