package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spark.decommission: one switch for Spark's executor and block decommissioning, the executor pods' grace period
 * (Spark 4.1 sets it from spark.kubernetes.executor.terminationGracePeriodSeconds over the template's, 3.5 keeps
 * the template's), the decommission label, and on Standalone the workers' SIGPWR handling and preStop hook.
 */
class DecommissionTest {

  private static final String GRACE_KEY = "spark.kubernetes.executor.terminationGracePeriodSeconds";
  private static final Map<String, Object> ON = Map.of("spark.decommission.enabled", true,
      "spark.decommission.fallbackStoragePath", "hdfs://namenode:8020/spark-fallback/");

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void executorsMigrateTheirBlocksBeforeTheyGo(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, ON);
    Map<String, String> conf = pods.conf();
    assertThat(conf).containsEntry("spark.decommission.enabled", "true")
        .containsEntry("spark.storage.decommission.enabled", "true")
        .containsEntry("spark.storage.decommission.shuffleBlocks.enabled", "true")
        .containsEntry("spark.storage.decommission.rddBlocks.enabled", "true")
        .containsEntry("spark.storage.decommission.fallbackStorage.path", "hdfs://namenode:8020/spark-fallback/");
    if (backend.equals("standalone")) {
      assertThat(conf.keySet()).noneMatch(k -> k.startsWith("spark.kubernetes."));
      checkWorker(pods.worker().orElseThrow());
    } else {
      assertThat(conf).containsEntry("spark.kubernetes.executor.decommissionLabel", "spark-k8s.io/decommissioning")
          .containsEntry("spark.kubernetes.executor.decommissionLabelValue", "true");
      PodSpec executor = pods.executor().orElseThrow();
      assertThat(executor.getTerminationGracePeriodSeconds()).isEqualTo(120L);
      if (version.equals("4.1")) {
        assertThat(conf).as("4.1 sets the pod's grace period from this key").containsEntry(GRACE_KEY, "120s");
      } else {
        assertThat(conf).as("3.5 has no such key; it keeps the template's").doesNotContainKey(GRACE_KEY);
      }
      // Spark adds the image's /opt/decom.sh as the executor's preStop hook itself.
      assertThat(JobPods.spark(executor).getLifecycle()).isNull();
    }
    assertThat(pods.driver().getTerminationGracePeriodSeconds()).as("the driver does not decommission").isNull();
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  /** The worker decommissions on SIGPWR, which its preStop hook sends, and its pod waits for it. */
  private static void checkWorker(PodSpec worker) {
    assertThat(worker.getTerminationGracePeriodSeconds()).isEqualTo(120L);
    Container container = JobPods.spark(worker);
    assertThat(StandaloneBackendWiring.env(container, "SPARK_WORKER_OPTS"))
        .contains("-Dspark.decommission.enabled=true", "-Dspark.worker.decommission.signal=PWR");
    List<String> preStop = container.getLifecycle().getPreStop().getExec().getCommand();
    assertThat(preStop).startsWith("/bin/bash", "-c");
    assertThat(preStop.get(2)).contains("kill -PWR").doesNotContain("$(");
  }

  /**
   * Decommission moves the shuffle blocks of the executors dynamic allocation removes, which Spark
   * counts instead of shuffle tracking; both at once stall scale-down (an executor that received
   * migrated blocks counts as holding an active shuffle until the next job ends; seen on the
   * Kubernetes harness, DynamicAllocationKubernetesBackendIT), so tracking is off with it.
   */
  @Test
  void dynamicAllocationLeavesShuffleToDecommission() {
    for (String backend : JobPods.BACKENDS) {
      JobPods pods = JobPods.render(dir, backend, "4.1", JobPods.merged(ON, Map.of("spark.executor.instances",
          "min:1 max:4")));
      assertThat(pods.conf()).as(backend).containsEntry("spark.dynamicAllocation.enabled", "true")
          .containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "false")
          .containsEntry("spark.storage.decommission.shuffleBlocks.enabled", "true");
      assertThat(pods.findings()).as(backend).extracting(Finding::describe).isEmpty();
    }
    JobPods tracking = JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.executor.instances", "min:1 max:4"));
    assertThat(tracking.conf()).as("without decommission").containsEntry("spark.dynamicAllocation.shuffleTracking.enabled",
        "true");
  }

  @Test
  void offByDefault() {
    for (String backend : JobPods.BACKENDS) {
      JobPods pods = JobPods.render(dir, backend, "4.1", Map.of());
      assertThat(pods.conf().keySet()).as(backend).noneMatch(k -> k.contains("decommission") || k.equals(GRACE_KEY));
      pods.sparkPods().forEach((role, pod) -> {
        assertThat(pod.getTerminationGracePeriodSeconds()).as(backend + " " + role).isNull();
        assertThat(JobPods.spark(pod).getLifecycle()).as(backend + " " + role).isNull();
      });
    }
  }
}
