package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliant master recovers with FILESYSTEM into /opt/spark/recovery, an emptyDir. */
class StandaloneMasterRecoveryTest {

  private static final String MASTER = "StatefulSet/spark-master";
  private static final String OPTS = "spec.template.spec.containers[spark-master].env[SPARK_MASTER_OPTS]";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();

  @Test
  void aMasterWithoutARecoveryMode() {
    master().setEnv(List.of());

    Finding f = only(release.check(), StandaloneMasterRecovery.ID, MASTER, "spark-master",
        "spec.template.spec.containers[spark-master].env");
    assertThat(f.message()).contains("spark.deploy.recoveryMode", "forgets its workers and applications");
    assertThat(f.fix()).contains("spark.standalone.master.recovery.enabled");
  }

  @Test
  void recoveryModeNoneIsNoRecovery() {
    opts("-Dspark.deploy.recoveryMode=NONE -Dspark.deploy.recoveryDirectory=/opt/spark/recovery");

    only(release.check(), StandaloneMasterRecovery.ID, MASTER, "spark-master", OPTS);
  }

  @Test
  void aRecoveryDirectoryOnTheContainersOwnFilesystem() {
    opts("-Dspark.deploy.recoveryMode=FILESYSTEM -Dspark.deploy.recoveryDirectory=/var/recovery");

    Finding f = only(release.check(), StandaloneMasterRecovery.ID, MASTER, "spark-master", OPTS);
    assertThat(f.message()).contains("/var/recovery", "lost with the container");
  }

  @Test
  void aRecoveryDirectoryOnAConfigMapIsNotWritable() {
    pod().setVolumes(List.of(new VolumeBuilder().withName("recovery").withNewConfigMap().withName("x").endConfigMap()
        .build()));

    only(release.check(), StandaloneMasterRecovery.ID, MASTER, "spark-master", OPTS);
  }

  @Test
  void aRecoveryModeWithoutADirectory() {
    opts("-Dspark.deploy.recoveryMode=FILESYSTEM");

    only(release.check(), StandaloneMasterRecovery.ID, MASTER, "spark-master", OPTS);
  }

  @Test
  void aVolumeClaimTemplateHoldsTheState() {
    pod().setVolumes(List.of());
    release.master().getSpec().setVolumeClaimTemplates(List.of(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("recovery").endMetadata().build()));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void aSubdirectoryOfAVolumeAndTheDaemonOptionsCount() {
    master().setEnv(List.of(new EnvVarBuilder().withName("SPARK_DAEMON_JAVA_OPTS")
        .withValue("-Dspark.deploy.recoveryMode=ROCKSDB -Dspark.deploy.recoveryDirectory=/opt/spark/recovery/state")
        .build()));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void zooKeeperKeepsTheStateOutsideThePod() {
    opts("-Dspark.deploy.recoveryMode=ZOOKEEPER -Dspark.deploy.zookeeper.url=zk:2181");
    pod().setVolumes(List.of());
    master().setVolumeMounts(List.of());

    assertThat(release.check()).isEmpty();
  }

  private void opts(String value) {
    master().setEnv(List.of(new EnvVarBuilder().withName("SPARK_MASTER_OPTS").withValue(value).build()));
  }

  private PodSpec pod() {
    return release.master().getSpec().getTemplate().getSpec();
  }

  private Container master() {
    return pod().getContainers().get(0);
  }
}
