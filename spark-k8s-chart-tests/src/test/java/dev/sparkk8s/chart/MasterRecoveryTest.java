package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.policy.spark.StandaloneMasterRecovery;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/**
 * The Standalone master's recovery directory (an emptyDir by default, a claim with persistence), and the Connect
 * server's readiness check against the master, under the values that change them.
 */
class MasterRecoveryTest {

  static final String RECOVERY_DIR = "/opt/spark/recovery";
  private static final String STANDALONE = "spark.connect.mode.k8s.backend=standalone";

  @Test
  void byDefaultTheStateIsOnAnEmptyDir() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE));
    StatefulSet master = view.statefulSet("master");

    assertThat(recoveryVolume(master.getSpec().getTemplate().getSpec()).getEmptyDir()).isNotNull();
    assertThat(master.getSpec().getVolumeClaimTemplates()).isEmpty();
  }

  @Test
  void withPersistenceTheStateIsOnAClaimOfTheStatefulSet() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE,
        "spark.standalone.master.recovery.persistence.enabled=true",
        "spark.standalone.master.recovery.persistence.size=2Gi",
        "spark.standalone.master.recovery.persistence.storageClass=fast-ssd"));
    StatefulSet master = view.statefulSet("master");
    PodSpec pod = master.getSpec().getTemplate().getSpec();

    assertThat(pod.getVolumes()).extracting(Volume::getName).doesNotContain("recovery");
    PersistentVolumeClaim claim = master.getSpec().getVolumeClaimTemplates().get(0);
    assertThat(claim.getMetadata().getName()).isEqualTo(mount(ReleaseView.container(pod, "spark-master")).getName());
    assertThat(claim.getSpec().getResources().getRequests().get("storage").toString()).isEqualTo("2Gi");
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
    // fsGroup makes the claim writable for the non-root user; nothing else needs to change.
    assertThat(pod.getSecurityContext().getFsGroup()).isEqualTo(185L);
    assertThat(PolicyEngine.standard().check(view.release().objects())).extracting(Finding::describe).isEmpty();
  }

  @Test
  void withoutRecoveryThePolicyEngineFlagsTheMaster() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE, "spark.standalone.master.recovery.enabled=false"));
    Container master = ReleaseView.container(view.statefulSet("master").getSpec().getTemplate().getSpec(),
        "spark-master");

    assertThat(StandaloneBackendWiring.env(master, "SPARK_MASTER_OPTS")).doesNotContain("spark.deploy.recovery");
    assertThat(master.getVolumeMounts()).extracting(VolumeMount::getMountPath).doesNotContain(RECOVERY_DIR);
    assertThat(PolicyEngine.standard().check(view.release().objects())).extracting(Finding::rule)
        .containsExactly(StandaloneMasterRecovery.ID);
  }

  @Test
  void theReadinessScriptHasNothingTheKubeletWouldExpand() {
    Probe readiness = connectReadiness(new ReleaseView(ChartFixture.render(STANDALONE)));

    assertThat(readiness.getExec().getCommand()).startsWith("/bin/bash", "-c");
    assertThat(readiness.getExec().getCommand().get(2)).doesNotContain("$(", "$$").contains("/dev/tcp/");
    assertThat(readiness.getTimeoutSeconds()).isGreaterThan(1);
  }

  @Test
  void anExternalMasterKeepsTheTcpReadiness() {
    Probe readiness = connectReadiness(new ReleaseView(ChartFixture.render(STANDALONE,
        "spark.standalone.masterUrl=spark://external-master:7077")));

    assertThat(readiness.getExec()).isNull();
    assertThat(readiness.getTcpSocket().getPort().getStrVal()).isEqualTo("grpc");
  }

  private static Probe connectReadiness(ReleaseView view) {
    return ReleaseView.container(view.deployment("connect").getSpec().getTemplate().getSpec(), "spark-connect")
        .getReadinessProbe();
  }

  private static VolumeMount mount(Container master) {
    return master.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(RECOVERY_DIR)).findFirst()
        .orElseThrow(() -> new AssertionError("nothing mounted at " + RECOVERY_DIR));
  }

  private static Volume recoveryVolume(PodSpec pod) {
    String name = mount(ReleaseView.container(pod, "spark-master")).getName();
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }
}
