package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A Standalone batch job's driver runs in a worker (cluster deploy mode), and Spark refuses to start when its
 * event-log directory does not exist: with a file event log the workers mount the same volume as the Connect server.
 */
class StandaloneWorkerEventLogTest {

  private static final String STANDALONE = "spark.connect.mode.k8s.backend=standalone";
  private static final String EVENTS = "spark-events";

  @Test
  void workersMountTheSharedEventLogClaimWhereTheJobsDriversWriteIt() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE, "spark.jobs.enabled=true",
        "spark.eventLog.enabled=true", "spark.eventLog.existingClaim=shared-events"));

    assertThat(eventLogVolume(worker(view))).hasValueSatisfying(v ->
        assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("shared-events"));
    assertThat(ReleaseView.container(worker(view), ContainerNames.WORKER).getVolumeMounts())
        .filteredOn(m -> m.getName().equals(EVENTS)).extracting(VolumeMount::getMountPath)
        .containsExactly("/var/spark-events");
    assertThat(SparkDefaults.job(view.release()).orElseThrow())
        .containsEntry("spark.eventLog.dir", "file:///var/spark-events");
  }

  @Test
  void anEventLogOnS3NeedsNoVolume() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE,
        "spark.image.repository=registry.example.com/spark", "spark.image.tag=4.1.1-connect-s3", "spark.s3.enabled=true",
        "spark.s3.endpoint=http://minio.minio.svc:9000", "spark.eventLog.enabled=true",
        "spark.eventLog.dir=s3a://logs/spark-events"));

    assertThat(eventLogVolume(worker(view))).isEmpty();
  }

  @Test
  void noEventLogNoVolume() {
    assertThat(eventLogVolume(worker(new ReleaseView(ChartFixture.render(STANDALONE))))).isEmpty();
  }

  private static PodSpec worker(ReleaseView view) {
    return view.statefulSet("worker").getSpec().getTemplate().getSpec();
  }

  private static Optional<Volume> eventLogVolume(PodSpec pod) {
    return pod.getVolumes().stream().filter(v -> v.getName().equals(EVENTS)).findFirst();
  }
}
