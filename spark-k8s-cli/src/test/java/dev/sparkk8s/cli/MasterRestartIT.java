package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.render.FileTrees;
import dev.sparkk8s.render.contract.Component;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Standalone master killed and restarted as rendered, on one {@code up --local} platform per
 * Spark line. With its recovery directory, the running Connect session goes on and answers right,
 * the worker and the application are the same ones, and a lost executor is replaced (the master
 * still knows the application). With the directory wiped, the master has forgotten the
 * application, the worker comes back through the master's Service address, and the Connect
 * server's readiness probe reports not ready.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class MasterRestartIT {

  private static final String MASTER = "master";
  private static final String RECOVERY_DIR = "/opt/spark/recovery";
  private static final Duration WAIT = Duration.ofSeconds(90);
  private static final Duration POLL = Duration.ofSeconds(1);
  /** 30 partitions of 2 rows, each row sleeping 250 ms: about 8 s on the development preset's 2 cores. */
  private static final KnownAnswerQuery SLOW_SUM = KnownAnswers.slowSum(30, 250);
  private static final KnownAnswerQuery SUM = KnownAnswers.rangeSum(100_000, 4);

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void masterRestart(String version, @TempDir Path runDir, @TempDir Path scratch) throws Exception {
    Cli.Result up = Cli.run("up", "--local", "--spark", version, "--run-dir", runDir.toString());
    try {
      assertThat(up.exitCode()).as(up.toString()).isZero();
      RunningPlatform platform = RunningPlatform.at(runDir);
      String masterUi = platform.state().masterWebUrl();
      SparkSession spark = ConnectSessions.open(platform.state().connectUrl());
      try {
        assertThat(ConnectQueries.problem(spark, SUM)).isNull();
        assertThat(platform.ready("connect")).as("Connect server ready before the restart").isTrue();
        JsonNode before = MasterJson.of(masterUi);
        String app = before.path("activeapps").path(0).path("id").asText();
        String worker = before.path("workers").path(0).path("id").asText();

        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, SLOW_SUM));
        Thread.sleep(2000);
        assertThat(slow).as("the query should still be running when the master dies").isNotDone();
        kill(platform, MASTER);
        platform.restart(MASTER);
        assertThat(slow.get(3, TimeUnit.MINUTES)).as("sum of ids and rows").isNull();

        JsonNode recovered = awaitMaster(masterUi, "recovered the worker and the application", json ->
            json.path("status").asText().equals("ALIVE") && json.path("aliveworkers").asInt() == 1
                && json.path("activeapps").size() == 1
                && json.path("activeapps").path(0).path("state").asText().equals("RUNNING"));
        assertThat(recovered.path("activeapps").path(0).path("id").asText()).isEqualTo(app);
        assertThat(recovered.path("workers").findValuesAsText("id")).contains(worker);
        assertThat(ConnectQueries.problem(spark, SUM)).as("the same session after the restart").isNull();

        // Only a master that knows the application gives it a new executor.
        killExecutors(platform);
        CompletableFuture<String> afterLoss = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, SUM));
        assertThat(afterLoss.get(3, TimeUnit.MINUTES)).as("on a new executor").isNull();
        assertThat(DeploymentCheck.failures(platform.state().connectUrl(), scratch.resolve("parquet-roundtrip").toString()))
            .as("known-answer queries").isEmpty();
        assertThat(platform.ready("connect")).as("Connect server ready after a recovered restart").isTrue();

        kill(platform, MASTER);
        try (Stream<Path> files = Files.list(platform.mountedDir(MASTER, RECOVERY_DIR))) {
          var recoveryState = files.toList();
          assertThat(recoveryState).as("the master's recovery state").isNotEmpty();
          recoveryState.forEach(FileTrees::deleteQuietly);
        }
        platform.restart(MASTER);
        awaitMaster(masterUi, "the worker back through the Service address, the application forgotten", json ->
            json.path("aliveworkers").asInt() == 1 && json.path("activeapps").isEmpty());
        await("the Connect server reports not ready", () -> !platform.ready("connect"));
      } finally {
        ConnectSessions.close(spark);
      }
    } finally {
      Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
      assertThat(down.exitCode()).as(down.toString()).isZero();
    }
    assertThat(SparkProcesses.of(runDir)).as("Spark processes left after down").isEmpty();
    assertThat(SparkProcesses.executorsOf(runDir)).as("executor JVMs left after down").isEmpty();
  }

  /** SIGKILL to every process of the instance, as a crashed container. */
  private static void kill(RunningPlatform platform, String instance) throws Exception {
    LocalProcess p = platform.state().processes().stream().filter(x -> x.name().equals(instance)).findFirst()
        .orElseThrow();
    ProcessHandle handle = p.handle().orElseThrow(() -> new AssertionError(instance + " is not running"));
    var processes = Stream.concat(handle.descendants(), Stream.of(handle)).toList();
    processes.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle h : processes) {
      h.onExit().get(30, TimeUnit.SECONDS);
    }
  }

  private static void killExecutors(RunningPlatform platform) {
    LocalProcess worker = platform.state().processes().stream().filter(p -> p.component() == Component.WORKER).findFirst()
        .orElseThrow();
    var executors = worker.handle().orElseThrow().descendants()
        .filter(h -> h.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")).orElse(false))
        .toList();
    assertThat(executors).as("executors of the worker").isNotEmpty();
    executors.forEach(ProcessHandle::destroyForcibly);
    executors.forEach(h -> h.onExit().join());
  }

  private static JsonNode awaitMaster(String masterUi, String what, Predicate<JsonNode> condition) {
    JsonNode[] last = {null};
    return Poll.every(POLL, WAIT).until(() -> {
      last[0] = MasterJson.of(masterUi);
      return Optional.ofNullable(last[0]).filter(condition);
    }).orElseThrow(() -> new AssertionError("the master did not show " + what + " within " + WAIT.toSeconds()
        + " s; last /json/: " + last[0]));
  }

  private static void await(String what, BooleanSupplier condition) {
    if (!Poll.every(POLL, WAIT).until(condition)) {
      throw new AssertionError(what + ": not within " + WAIT.toSeconds() + " s");
    }
  }
}
