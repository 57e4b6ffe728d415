package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.kube.QueryMix;
import dev.sparkk8s.local.ConnectProbe;
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
  private static final String SLOW_SUM = "SELECT sum(id), count(s) FROM (SELECT id, "
      + "reflect('java.lang.Thread', 'sleep', CAST(300 AS BIGINT)) AS s FROM range(0, 60, 1, 30))";

  @Test
  void queryOutlivesAKilledWorker(@TempDir Path runDir) throws Exception {
    Cli.Result up = Cli.run("up", "--local", "--spark", "4.1", "--workers", "2", "--run-dir", runDir.toString());
    try {
      assertThat(up.exitCode()).as(up.toString()).isZero();
      LocalState state = LocalState.read(runDir).orElseThrow();
      SparkSession spark = QueryMix.session(state.connectUrl());
      try {
        CompletableFuture<org.apache.spark.sql.Row> sum = CompletableFuture.supplyAsync(() -> spark.sql(SLOW_SUM).first());
        Thread.sleep(3000);
        assertThat(sum).as("the query should still be running when the worker dies").isNotDone();
        LocalProcess worker = state.processes().stream().filter(p -> p.name().equals("worker-1")).findFirst()
            .orElseThrow();
        ProcessHandle handle = worker.handle().orElseThrow();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        handle.onExit().get(30, TimeUnit.SECONDS);

        org.apache.spark.sql.Row answer = sum.get(3, TimeUnit.MINUTES);
        assertThat(answer.getLong(0)).as("sum of ids").isEqualTo(1770L);
        assertThat(answer.getLong(1)).as("rows, every one computed once").isEqualTo(60L);
      } finally {
        ConnectProbe.closeQuietly(spark);
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
