package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed while a query runs: Spark reschedules its tasks, the answer is right, status sees it. */
class WorkerLossIT {

  /** 30 partitions of 2 rows, each row sleeping 300 ms on its executor: about 9 s on two executors. */
  private static final KnownAnswerQuery SLOW_SUM = KnownAnswers.slowSum(30, 300);

  @Test
  void queryOutlivesAKilledWorker(@TempDir Path runDir) throws Exception {
    Cli.Result up = Cli.run("up", "--local", "--spark", "4.1", "--workers", "2", "--run-dir", runDir.toString());
    try {
      assertThat(up.exitCode()).as(up.toString()).isZero();
      LocalState state = LocalState.read(runDir).orElseThrow();
      SparkSession spark = ConnectSessions.open(state.connectUrl());
      try {
        CompletableFuture<String> sum = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, SLOW_SUM));
        Thread.sleep(3000);
        assertThat(sum).as("the query should still be running when the worker dies").isNotDone();
        LocalProcess worker = state.processes().stream().filter(p -> p.name().equals("worker-1")).findFirst()
            .orElseThrow();
        ProcessHandle handle = worker.handle().orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);

        assertThat(sum.get(3, TimeUnit.MINUTES)).as("sum of ids and rows, every one computed once").isNull();
      } finally {
        ConnectSessions.close(spark);
      }
      Cli.Result status = Cli.run("status", "--local", "--run-dir", runDir.toString());
      assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
      assertThat(status.out()).containsPattern("worker-1\\s+DEAD").contains("1 of 5 processes not running");
    } finally {
      Cli.run("down", "--local", "--run-dir", runDir.toString());
    }
    assertThat(SparkProcesses.of(runDir)).isEmpty();
  }
}
