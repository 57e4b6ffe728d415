package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import dev.sparkk8s.kube.ShuffleAfterDecommission;
import dev.sparkk8s.kube.SparkRestApi;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
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
 * (one executor each, so that the other one is left to retry the lost tasks on) and graceful
 * decommission on: a worker killed outright, and a worker sent SIGPWR (what its pod's preStop hook
 * sends), which decommissions. Each test starts with both workers running. {@code down} leaves no
 * process behind.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class WorkerLossIT {

  private static final String LOST = "worker-1";
  /** 30 partitions of 2 rows, each row sleeping 300 ms on its executor: about 9 s on two executors. */
  private static final KnownAnswerQuery SLOW_SUM = KnownAnswers.slowSum(30, 300);

  @TempDir
  static Path runDir;

  @BeforeAll
  @Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
  static void up() {
    Cli.Result up = Cli.run("up", "--local", "--spark", "4.1", "--workers", "2", "--run-dir", runDir.toString(),
        "--set", "spark.decommission.enabled=true",
        // Spark checks every 30 s by default whether a decommissioning executor has moved everything.
        "--set", "spark.conf.spark\\.storage\\.decommission\\.replicationReattemptInterval=1s");
    assertThat(up.exitCode()).as(up.toString()).isZero();
  }

  @AfterAll
  @Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
  static void downLeavesNothing() {
    Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
    assertThat(down.exitCode()).as(down.toString()).isZero();
    assertThat(SparkProcesses.of(runDir)).as("Spark processes left after down").isEmpty();
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
    Cli.Result status = Cli.statusSaying(runDir, "1 of 5 processes not running");
    assertThat(status.exitCode()).as(status.toString()).isEqualTo(1);
    assertThat(status.out()).containsPattern(LOST + "\\s+DEAD").contains("1 of 5 processes not running");
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

  /**
   * The worker's daemon decommissions on SIGPWR: the master marks it DECOMMISSIONED and starts no
   * executor on it again, its executor moves its shuffle and cached blocks to the other one and exits
   * (the driver records its map outputs there), and reading the cached table answers right without
   * running any stage again.
   */
  @Test
  void aWorkerSentSigpwrDecommissionsAndItsShuffleOutlivesIt() throws Exception {
    String uiUrl = "http://127.0.0.1:" + process("connect").ports().get(PortNames.UI);
    String masterUi = state().masterWebUrl();
    SparkSession spark = ConnectSessions.open(state().connectUrl());
    try {
      // The worker restarted before this test has its executor again.
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(60))
          .until(() -> SparkRestApi.of(uiUrl).executors(false).size() == 3)).as("two executors and the driver").isTrue();
      ShuffleAfterDecommission shuffle = ShuffleAfterDecommission.cacheTable(spark, uiUrl, 8, 250);
      assertThat(shuffle.executorsThatWroteShuffle()).as("executors that wrote the shuffle").hasSize(2);

      List<Path> executorsBefore = executorDirs(LOST);
      signal(LOST, "PWR", "org.apache.spark.deploy.worker.Worker");
      String workerId = awaitWorkerId(LOST);
      Predicate<JsonNode> decommissioned = worker -> worker.path("id").asText().equals(workerId)
          && worker.path("state").asText().equals("DECOMMISSIONED");
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(90))
          .until(() -> workers(masterUi).stream().anyMatch(decommissioned)))
          .as("the master showing %s (%s) DECOMMISSIONED: %s", LOST, workerId, workers(masterUi)).isTrue();
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(60))
          .until(() -> SparkRestApi.of(uiUrl).executors(true).stream().anyMatch(e -> !e.path("isActive").asBoolean())))
          .as("its executor gone").isTrue();

      assertThat(shuffle.problemsMovingShuffle(process("connect").log())).as("map outputs of the decommissioned executor")
          .isEmpty();
      assertThat(shuffle.problemsReadingItBack()).isEmpty();
      assertThat(workers(masterUi)).as("the decommissioned worker stays so").anyMatch(decommissioned);
      assertThat(executorDirs(LOST)).as("executors the master started on %s: none after its decommission", LOST)
          .isEqualTo(executorsBefore);
      List<JsonNode> removed = SparkRestApi.of(uiUrl).executors(true).stream()
          .filter(e -> !e.path("isActive").asBoolean()).toList();
      assertThat(removed).as("removed executors").hasSize(1);
      assertThat(removed.get(0).path("removeReason").asText()).containsIgnoringCase("decommission");
      assertThat(shuffle.executorsThatWroteShuffle()).contains(removed.get(0).path("id").asText());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + decommissionLogs(), e);
    } finally {
      ConnectSessions.close(spark);
      // Gone as a drained node's pod goes; the next test starts it again.
      kill(LOST);
    }
  }

  /** The driver's and the decommissioned worker's executors' decommission lines, for a failure message. */
  private static String decommissionLogs() throws IOException {
    StringBuilder out = new StringBuilder();
    try (Stream<Path> files = Files.walk(runDir.resolve("instances"))) {
      for (Path f : files.filter(p -> p.getFileName().toString().equals("stderr")
          || p.getFileName().toString().equals("connect.log")).toList()) {
        out.append("== ").append(f).append('\n');
        Files.readAllLines(f).stream().filter(l -> l.contains("ecommission") || l.contains("igrat")
            || l.contains("map output") || l.contains("Lost executor") || l.contains("ERROR"))
            .limit(60).forEach(l -> out.append(l).append('\n'));
      }
    }
    return out.toString();
  }

  /** The id the worker registered with, from its log ({@code Decommission worker <id>.}). */
  private static String awaitWorkerId(String instance) {
    Pattern line = Pattern.compile("Decommission worker (\\S+)\\.");
    return Poll.every(Duration.ofMillis(250), Duration.ofSeconds(30)).until(() -> {
      try {
        Matcher m = line.matcher(Files.readString(process(instance).log()));
        return m.find() ? Optional.of(m.group(1)) : Optional.<String>empty();
      } catch (IOException e) {
        return Optional.<String>empty();
      }
    }).orElseThrow(() -> new AssertionError(instance + " did not log its decommission"));
  }

  /** The directories of the executors the worker ran: its work dir's application directories' children. */
  private static List<Path> executorDirs(String worker) throws IOException {
    try (Stream<Path> apps = Files.list(runDir.resolve("instances").resolve(worker).resolve("work-dir"))) {
      List<Path> out = new ArrayList<>();
      for (Path app : apps.filter(Files::isDirectory).toList()) {
        try (Stream<Path> executors = Files.list(app)) {
          executors.filter(Files::isDirectory).forEach(out::add);
        }
      }
      return out.stream().sorted().toList();
    }
  }

  private static List<JsonNode> workers(String masterUi) {
    try (InputStream in = URI.create(masterUi + "/json/").toURL().openStream()) {
      List<JsonNode> out = new ArrayList<>();
      new ObjectMapper().readTree(in).path("workers").forEach(out::add);
      return out;
    } catch (IOException e) {
      return List.of();
    }
  }

  /** A signal to the instance's java process running {@code mainClass}, as {@code kill -s} sends it. */
  private static void signal(String instance, String signal, String mainClass) throws Exception {
    ProcessHandle root = process(instance).handle().orElseThrow(() -> new AssertionError(instance + " is not running"));
    ProcessHandle daemon = Stream.concat(Stream.of(root), root.descendants())
        .filter(h -> h.info().commandLine().map(c -> c.contains(mainClass)).orElse(false)).findFirst()
        .orElseThrow(() -> new AssertionError(instance + " runs no " + mainClass));
    Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(daemon.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -s " + signal + " " + daemon.pid()).isZero();
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
