package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A Standalone worker starts an executor with -Xmx only; the image's entrypoint starts a Kubernetes executor with
 * -Xms and -Xmx of the executor memory. The standalone backend gives its executors the same fixed heap.
 */
class StandaloneExecutorHeapTest {

  private static final String OPTIONS = "spark.executor.extraJavaOptions";

  private static Map<String, String> conf(String... sets) {
    return new ReleaseView(ChartFixture.render(sets)).connectConf();
  }

  @Test
  void standaloneExecutorsStartWithTheirWholeHeap() {
    assertThat(conf("spark.connect.mode.k8s.backend=standalone", "spark.executor.memory=2g",
        "spark.standalone.worker.memory=2g"))
        .containsEntry(OPTIONS, "-Xms2048m");
  }

  @Test
  void theUsersOptionsFollowTheChartsOnes() {
    assertThat(conf("spark.connect.mode.k8s.backend=standalone",
        "spark.conf.spark\\.executor\\.extraJavaOptions=-XX:+UseParallelGC"))
        .containsEntry(OPTIONS, "-Xms1024m -XX:+UseParallelGC");
  }

  @Test
  void kubernetesExecutorsGetTheirHeapFromTheImagesEntrypoint() {
    assertThat(conf()).doesNotContainKey(OPTIONS);
    assertThat(conf("spark.conf.spark\\.executor\\.extraJavaOptions=-XX:+UseParallelGC"))
        .containsEntry(OPTIONS, "-XX:+UseParallelGC");
  }
}
