package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectSessions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code instances: "min:1 max:3"} with graceful decommission (docs/examples/decommission.yaml): a
 * long shuffle, cached as a table, scales out to executor pods; idleness scales back to one by
 * decommissioning the others although they hold shuffle data and cached blocks: Spark labels their
 * pods, they move their blocks to the executor that stays and exit, the driver records their map
 * outputs there, and the table reads back right without any stage running again.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DynamicAllocationKubernetesBackendIT {

  private static final String DECOMMISSION_LABEL = "spark-k8s.io/decommissioning";

  /** Adds the executor ids of the pods labelled as decommissioning now; returns how many there are. */
  private static int recordLabelled(KubernetesBackendRun run, Set<String> labelled) {
    List<String> now = run.executorPods().stream()
        .filter(p -> "true".equals(p.getMetadata().getLabels().get(DECOMMISSION_LABEL)))
        .map(p -> p.getMetadata().getLabels().get("spark-exec-id")).toList();
    labelled.addAll(now);
    return now.size();
  }

  /**
   * Executor pods that serve tasks now: a decommissioning or finished executor's pod may still be in the API
   * while Spark already runs its replacement, within max.
   */
  private static int serving(KubernetesBackendRun run) {
    return (int) run.executorPods().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .filter(p -> !"true".equals(p.getMetadata().getLabels().get(DECOMMISSION_LABEL)))
        .filter(p -> !List.of("Succeeded", "Failed").contains(p.getStatus() == null ? "" : p.getStatus().getPhase()))
        .count();
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void scalesUpUnderLoadAndDecommissionsDownWhenIdleKeepingTheShuffle(String version, @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path runDir)
      throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.setup(Charts.chartDir(), version, runDir)
        .valuesFiles(Charts.chartDir().getParent().getParent().resolve("docs/examples/decommission.yaml"))
        .sets(List.of("spark.executor.instances=min:1 max:3", "spark.executor.dynamicAllocation.idleTimeout=5s",
            // No fallback storage here: the blocks must go to the surviving executor.
            "spark.decommission.fallbackStoragePath=",
            // Spark checks every 30 s by default whether a decommissioning executor has moved everything.
            "spark.conf.spark\\.storage\\.decommission\\.replicationReattemptInterval=1s",
            // Executors holding cached blocks count as busy forever by default.
            "spark.conf.spark\\.dynamicAllocation\\.cachedExecutorIdleTimeout=5s"))
        .start()) {
      AtomicInteger mostPods = new AtomicInteger();
      Set<String> labelled = ConcurrentHashMap.newKeySet();
      SparkSession spark = ConnectSessions.open(run.connectUrl());
      try {
        CompletableFuture<ShuffleAfterDecommission> written = CompletableFuture.supplyAsync(() ->
            ShuffleAfterDecommission.cacheTable(spark, run.uiUrl(), 40, 400));
        Poll.every(Duration.ofMillis(200), Duration.ofMinutes(5)).until(() -> {
          mostPods.accumulateAndGet(serving(run), Math::max);
          recordLabelled(run, labelled);
          return written.isDone();
        });
        ShuffleAfterDecommission shuffle = written.get(1, TimeUnit.MINUTES);
        assertThat(mostPods.get()).as("executor pods serving at the busiest").isGreaterThan(1).isLessThanOrEqualTo(3);

        SparkRestApi rest = SparkRestApi.of(run.uiUrl());
        List<String> wroteShuffle = shuffle.executorsThatWroteShuffle();
        try {
          Waits.until("scale-down to one executor pod, the others decommissioned and gone", Duration.ofMinutes(2), () ->
              recordLabelled(run, labelled) == 0 && run.executorPods().size() == 1);
        } catch (AssertionError e) {
          throw new AssertionError(e.getMessage() + "; executor pods now: " + run.executorPods().stream()
              .map(p -> p.getMetadata().getName() + " " + p.getStatus().getPhase() + " " + p.getMetadata().getLabels())
              .toList() + "; logs under " + runDir, e);
        }
        List<JsonNode> removed = rest.executors(true).stream()
            .filter(e -> !e.path("isActive").asBoolean()).toList();
        assertThat(removed).as("removed executors").isNotEmpty().allSatisfy(e ->
            assertThat(e.path("removeReason").asText()).as("why executor %s went", e.path("id").asText())
                .containsIgnoringCase("decommission"));
        assertThat(removed).extracting(e -> e.path("id").asText()).as("removed executors that held shuffle data")
            .containsAnyElementsOf(wroteShuffle);
        assertThat(labelled).as("executors whose pods Spark labelled as decommissioning")
            .containsAll(removed.stream().map(e -> e.path("id").asText()).toList());

        assertThat(shuffle.problemsMovingShuffle(run.driverLog())).as("map outputs of the removed executors").isEmpty();
        assertThat(shuffle.problemsReadingItBack()).as("the cached table read back after the scale-down").isEmpty();
      } finally {
        ConnectSessions.close(spark);
      }
      assertThat(RbacCheck.denied(run.api().requests(), run.roles())).as("requests the chart's Role does not allow")
          .isEmpty();
    }
  }
}
