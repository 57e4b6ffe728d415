package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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
      SparkSession spark = ConnectSessions.open(run.connectUrl());
      try {
        // Map-only, so that idle executors hold no shuffle data and shuffle tracking lets them go.
        KnownAnswerQuery sleepingRows = KnownAnswers.sleepingRows(40, 400);
        CompletableFuture<String> rows = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, sleepingRows));
        Poll.every(Duration.ofMillis(200), Duration.ofMinutes(5)).until(() -> {
          mostPods.accumulateAndGet(run.executorPods().size(), Math::max);
          return rows.isDone();
        });
        assertThat(rows.get(1, TimeUnit.MINUTES)).as("wrong answer of " + sleepingRows.sql()).isNull();
      } finally {
        ConnectSessions.close(spark);
      }
      assertThat(mostPods.get()).as("executor pods at the busiest").isGreaterThan(1).isLessThanOrEqualTo(3);
      Waits.until("scale-down to the minimum of one executor pod", Duration.ofMinutes(2),
          () -> run.executorPods().size() == 1);
    }
  }
}
