package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.kube.ShuffleAfterDecommission;
import dev.sparkk8s.kube.SparkRestApi;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.render.contract.PortNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.SparkSession;

/**
 * A Standalone worker sent SIGPWR (what its pod's preStop hook sends) on a running two-worker
 * platform with decommission on: the master marks it DECOMMISSIONED and starts no executor on it
 * again, its executor moves its shuffle and cached blocks to the other one and exits (the driver
 * records its map outputs there), and reading the cached table answers right without running any
 * stage again.
 */
final class WorkerDecommission {

  private final Path runDir;

  private WorkerDecommission(Path runDir) {
    this.runDir = runDir;
  }

  /** Sends {@code worker} SIGPWR and checks the above; the worker's daemon is gone after it. */
  static void check(Path runDir, String worker) throws Exception {
    new WorkerDecommission(runDir).check(worker);
  }

  private void check(String worker) throws Exception {
    String uiUrl = "http://127.0.0.1:" + process("connect").ports().get(PortNames.UI);
    String masterUi = state().masterWebUrl();
    SparkSession spark = ConnectSessions.open(state().connectUrl());
    try {
      // A worker restarted just before has its executor again.
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(60))
          .until(() -> SparkRestApi.of(uiUrl).executors(false).size() == 3)).as("two executors and the driver").isTrue();
      ShuffleAfterDecommission shuffle = ShuffleAfterDecommission.cacheTable(spark, uiUrl, 8, 250);
      assertThat(shuffle.executorsThatWroteShuffle()).as("executors that wrote the shuffle").hasSize(2);

      List<Path> executorsBefore = executorDirs(worker);
      // The application outlives earlier tests on the platform, and so do the executors they lost.
      Set<String> removedBefore = removedExecutors(uiUrl).stream().map(e -> e.path("id").asText())
          .collect(Collectors.toSet());
      signal(worker, "PWR", "org.apache.spark.deploy.worker.Worker");
      String workerId = awaitWorkerId(worker);
      Predicate<JsonNode> decommissioned = w -> w.path("id").asText().equals(workerId)
          && w.path("state").asText().equals("DECOMMISSIONED");
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(90))
          .until(() -> workers(masterUi).stream().anyMatch(decommissioned)))
          .as("the master showing %s (%s) DECOMMISSIONED: %s", worker, workerId, workers(masterUi)).isTrue();
      assertThat(Poll.every(Duration.ofMillis(250), Duration.ofSeconds(60))
          .until(() -> removedExecutors(uiUrl).size() > removedBefore.size()))
          .as("its executor gone").isTrue();

      assertThat(shuffle.problemsMovingShuffle(process("connect").log()))
          .as("map outputs of the decommissioned executor").isEmpty();
      assertThat(shuffle.problemsReadingItBack()).isEmpty();
      assertThat(workers(masterUi)).as("the decommissioned worker stays so").anyMatch(decommissioned);
      assertThat(executorDirs(worker)).as("executors the master started on %s: none after its decommission", worker)
          .isEqualTo(executorsBefore);
      List<JsonNode> removed = removedExecutors(uiUrl).stream()
          .filter(e -> !removedBefore.contains(e.path("id").asText())).toList();
      assertThat(removed).as("removed executors").hasSize(1);
      assertThat(removed.get(0).path("removeReason").asText()).containsIgnoringCase("decommission");
      assertThat(shuffle.executorsThatWroteShuffle()).contains(removed.get(0).path("id").asText());
    } catch (AssertionError e) {
      throw new AssertionError(e.getMessage() + "\n" + decommissionLogs(), e);
    } finally {
      ConnectSessions.close(spark);
    }
  }

  private static List<JsonNode> removedExecutors(String uiUrl) {
    return SparkRestApi.of(uiUrl).executors(true).stream().filter(e -> !e.path("isActive").asBoolean()).toList();
  }

  /** The driver's and the executors' decommission lines, for a failure message. */
  private String decommissionLogs() throws IOException {
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
  private String awaitWorkerId(String instance) {
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
  private List<Path> executorDirs(String worker) throws IOException {
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
    JsonNode master = MasterJson.of(masterUi);
    List<JsonNode> out = new ArrayList<>();
    if (master != null) {
      master.path("workers").forEach(out::add);
    }
    return out;
  }

  /** A signal to the instance's java process running {@code mainClass}, as {@code kill -s} sends it. */
  private void signal(String instance, String signal, String mainClass) throws Exception {
    ProcessHandle root = process(instance).handle().orElseThrow(() -> new AssertionError(instance + " is not running"));
    ProcessHandle daemon = Stream.concat(Stream.of(root), root.descendants())
        .filter(h -> h.info().commandLine().map(c -> c.contains(mainClass)).orElse(false)).findFirst()
        .orElseThrow(() -> new AssertionError(instance + " runs no " + mainClass));
    Process kill = new ProcessBuilder("kill", "-s", signal, String.valueOf(daemon.pid())).inheritIO().start();
    assertThat(kill.waitFor()).as("kill -s " + signal + " " + daemon.pid()).isZero();
  }

  private LocalProcess process(String instance) {
    return state().processes().stream().filter(p -> p.name().equals(instance)).findFirst().orElseThrow();
  }

  private LocalState state() {
    return LocalState.read(runDir).orElseThrow();
  }
}
