package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.local.ConnectProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code instances: "min:1 max:3"}: a long query scales out to executor pods, idleness scales back to one. */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class DynamicAllocationKubernetesBackendIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void scalesUpUnderLoadAndBackDownWhenIdle(String version, @TempDir Path runDir) throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.start(Charts.chartDir(), version,
        List.of("spark.executor.instances=min:1 max:3", "spark.executor.dynamicAllocation.idleTimeout=5s"), runDir)) {
      AtomicInteger mostPods = new AtomicInteger();
      SparkSession spark = QueryMix.session(run.connectUrl());
      try {
        int partitions = 40;
        // Map-only, so that idle executors hold no shuffle data and shuffle tracking lets them go.
        CompletableFuture<List<Row>> rows = CompletableFuture.supplyAsync(
            () -> spark.sql(SlowQueries.sleepingRows(partitions, 400)).collectAsList());
        Poll.every(Duration.ofMillis(200), Duration.ofMinutes(5)).until(() -> {
          mostPods.accumulateAndGet(run.executorPods().size(), Math::max);
          return rows.isDone();
        });
        assertThat(rows.get(1, TimeUnit.MINUTES)).hasSize(2 * partitions);
      } finally {
        ConnectProbe.closeQuietly(spark);
      }
      assertThat(mostPods.get()).as("executor pods at the busiest").isGreaterThan(1).isLessThanOrEqualTo(3);
      Waits.until("scale-down to the minimum of one executor pod", Duration.ofMinutes(2),
          () -> run.executorPods().size() == 1);
    }
  }
}
