package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import org.junit.jupiter.api.Test;

/** A healthy release, as the mock API holds it, gives no finding, and everything the doctor reads was read. */
class HealthyReleaseDoctorTest {

  @Test
  void aHealthyKubernetesBackendReleaseWithHistoryServerAndS3EventLogHasNoFinding() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      ClusterSnapshot snapshot = release.snapshot();

      assertThat(snapshot.pods()).extracting(p -> Component.of(p).orElseThrow())
          .containsExactlyInAnyOrder(Component.CONNECT, Component.HISTORY, Component.EXECUTOR, Component.EXECUTOR);
      assertThat(snapshot.pods(Component.EXECUTOR))
          .allMatch(p -> ChartLabels.SPARK_ROLE_EXECUTOR.equals(p.getMetadata().getLabels().get(ChartLabels.SPARK_ROLE)));
      assertThat(snapshot.connectConf()).containsEntry("spark.eventLog.dir", "s3a://spark-events/logs");
      assertThat(snapshot.historyConf()).containsEntry("spark.history.fs.logDirectory", "s3a://spark-events/logs");
      assertThat(snapshot.logs()).containsKey(ReleaseOnMockApi.ref(release.pod(Component.CONNECT), ContainerNames.CONNECT));
      assertThat(snapshot.executorsRegistered()).hasValue(2);
      assertThat(snapshot.historyApplications()).hasValue(1);
      assertThat(snapshot.notChecked()).isEmpty();
      assertThat(Doctor.standard().examine(snapshot)).isEmpty();
    }
  }

  @Test
  void aHealthyStandaloneBackendReleaseHasNoFinding() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      ClusterSnapshot snapshot = release.snapshot();

      assertThat(snapshot.pods()).extracting(p -> Component.of(p).orElseThrow())
          .containsExactlyInAnyOrder(Component.CONNECT, Component.MASTER, Component.WORKER, Component.WORKER);
      assertThat(snapshot.logs()).hasSize(3);
      assertThat(snapshot.executorsRegistered()).hasValue(2);
      assertThat(snapshot.notChecked()).isEmpty();
      assertThat(Doctor.standard().examine(snapshot)).isEmpty();
    }
  }
}
