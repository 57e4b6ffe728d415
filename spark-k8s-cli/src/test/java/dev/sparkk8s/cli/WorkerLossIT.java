package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.render.contract.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker lost while Spark works, on a Spark 4.1 platform of this class's own with two workers
 * (one executor each, so that the other one is left to retry the lost tasks on), graceful
 * decommission and monitoring on: a worker killed outright (the worker-lost alert fires in the
 * run's Prometheus), and a worker sent SIGPWR (what its pod's preStop hook sends), which
 * decommissions ({@link WorkerDecommission}; on 3.5 too, on a platform of its own). Each test
 * starts with both workers running. {@code down} leaves no process behind.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class WorkerLossIT {

  private static final String LOST = "worker-1";
  /** 30 partitions of 2 rows, each row sleeping 300 ms on its executor: about 9 s on two executors. */
  private static final KnownAnswerQuery SLOW_SUM = KnownAnswers.slowSum(30, 300);
  /** How long the alerts' conditions must hold (monitoring.prometheusRule.for), short for a test. */
  private static final String ALERT_FOR = "5s";
  private static final String WORKER_LOST = "SparkStandaloneWorkerLost";

  @TempDir
  static Path runDir;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
  static void up() {
    Cli.Result up = Cli.run(upWithDecommission("4.1", runDir, "--monitoring", "--set",
        "monitoring.prometheusRule.for=" + ALERT_FOR));
    assertThat(up.exitCode()).as(up.toString()).isZero();
  }

  @AfterAll
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
  static void downLeavesNothing() {
    assertThat(SparkProcesses.prometheusOf(runDir)).as("the run's Prometheus before down").hasSize(1);
    Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(SparkProcesses.of(runDir)).as("Spark processes left after down").isEmpty();
    assertThat(SparkProcesses.prometheusOf(runDir)).as("the Prometheus server left after down").isEmpty();
    assertThat(SparkProcesses.executorsOf(runDir)).as("executor JVMs left after down").isEmpty();
  }

  @BeforeEach
  void bothWorkersRunning() {
    RunningPlatform platform = RunningPlatform.at(runDir);
    platform.state().processes().stream().filter(p -> p.component() == Component.WORKER && !p.alive())
        .forEach(p -> platform.restart(p.name()));
  }

  @Test
  void aQueryOutlivesAKilledWorkerAndStatusSeesIt() throws Exception {
    SparkSession spark = ConnectSessions.open(state().connectUrl());
    try {
      CompletableFuture<String> sum = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, SLOW_SUM));
      Thread.sleep(3000);
      assertThat(sum).as("the query should still be running when the worker dies").isNotDone();
      kill(LOST);

      assertThat(sum.get(3, TimeUnit.MINUTES)).as("sum of ids and rows, every one computed once").isNull();
    } finally {
      ConnectSessions.close(spark);
    }
    Cli.Result status = Cli.statusSaying(runDir, "1 of 7 processes not running");
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
    assertThat(status.out()).containsPattern(LOST + "\\s+DEAD").contains("1 of 7 processes not running");
  }

  /**
   * The chart's worker-lost alert, in the platform's real Prometheus: quiet while both workers run, firing once
   * the master counts one alive worker for {@value #ALERT_FOR}.
   */
  @Test
  void aKilledWorkerFiresTheWorkerLostAlert() throws Exception {
    LocalMonitoring monitoring = LocalMonitoring.of(runDir);
    assertThat(Poll.every(Duration.ofSeconds(1), Duration.ofSeconds(60))
        .until(() -> !monitoring.firingAlerts().contains(WORKER_LOST)))
        .as("the worker-lost alert quiet with both workers alive: " + monitoring.firingAlerts()).isTrue();

    kill(LOST);

    assertThat(Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(2))
        .until(() -> monitoring.firingAlerts().contains(WORKER_LOST)))
        .as("firing after a worker was killed: " + monitoring.firingAlerts()).isTrue();
  }

  /** Either Spark retries and every answer is right, or the failures are counted and shown. */
  @Test
  void aLoadRunRetriesOrCountsALostWorker(@TempDir Path data, @TempDir Path report) throws Exception {
    String url = state().connectUrl();
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("load", "--connect", url,
        "--scenario", "mixed", "--sessions", "2", "--duration", "30s", "--scale", "0.2", "--data", data.toString(),
        "--report", report.toString()));
    Thread.sleep(10_000);
    assertThat(run).as("the load run should still be running when the worker dies").isNotDone();
    kill(LOST);

    Cli.Result result = run.get(3, TimeUnit.MINUTES);
    JsonNode json = LoadReports.json(report);
    LoadReports.assertConsistent(json);
    if (result.exitCode() == 0) {
      assertThat(json.path("failed").asInt()).isZero();
    } else {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      assertThat(json.path("failed").asInt()).isPositive();
      assertThat(Files.readString(report.resolve("report.html"))).contains("id=\"failures\"");
    }
    assertThat(json.path("queries").asInt()).isPositive();
  }

  /** See {@link WorkerDecommission}; the 3.5 line below. */
  @Test
  void aWorkerSentSigpwrDecommissionsAndItsShuffleOutlivesIt() throws Exception {
    try {
      WorkerDecommission.check(runDir, LOST);
    } finally {
      // Gone as a drained node's pod goes; the next test starts it again.
      kill(LOST);
    }
  }

  /** The same on Spark 3.5, on a two-worker platform of its own. */
  @Test
  @Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
  void onSpark35AWorkerSentSigpwrDecommissionsToo(@TempDir Path runDir35) throws Exception {
    Cli.Result up = Cli.run(upWithDecommission("3.5", runDir35));
    assertThat(up.exitCode()).as(up.toString()).isZero();
    try {
      WorkerDecommission.check(runDir35, LOST);
    } finally {
      Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir35.toString());
      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(SparkProcesses.of(runDir35)).as("Spark processes left after down").isEmpty();
    }
  }

  /** up with two workers and graceful decommission, then {@code more}. */
  private static String[] upWithDecommission(String version, Path dir, String... more) {
    List<String> args = new ArrayList<>(List.of("up", "--local", "--spark", version, "--workers", "2", "--run-dir",
        dir.toString(), "--set", "spark.decommission.enabled=true",
        // Spark checks every 30 s by default whether a decommissioning executor has moved everything.
        "--set", "spark.conf.spark\\.storage\\.decommission\\.replicationReattemptInterval=1s"));
    args.addAll(List.of(more));
    return args.toArray(String[]::new);
  }

  private static LocalProcess process(String instance) {
    return state().processes().stream().filter(p -> p.name().equals(instance)).findFirst().orElseThrow();
  }

  private static LocalState state() {
    return LocalState.read(runDir).orElseThrow();
  }

  /** SIGKILL to the worker and its executor, as a lost node. */
  private static void kill(String worker) throws Exception {
    ProcessHandle handle = process(worker).handle().orElseThrow(() -> new AssertionError(worker + " is not running"));
    handle.descendants().forEach(ProcessHandle::destroyForcibly);
    handle.destroyForcibly();
    handle.onExit().get(30, TimeUnit.SECONDS);
  }
}
