package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.SparkHome;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code up --local} on real Spark 3.5 and 4.1: queries with known answers through Spark Connect,
 * the user's values reaching the server, the History Server listing the application, and
 * {@code down} leaving no process behind.
 */
class LocalPlatformIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void upQueryHistoryDown(String version, @TempDir Path runDir, @TempDir Path scratch) throws Exception {
    Cli.Result up = Cli.run("up", "--local", "--spark", version, "--run-dir", runDir.toString(),
        "--set", "spark.executor.memory=768m", "--set", "spark.conf.spark\\.sql\\.shuffle\\.partitions=7");
    try {
      assertThat(up.exitCode()).as(up.toString()).isZero();
      LocalState state = LocalState.read(runDir).orElseThrow();
      assertThat(up.out()).contains("first query", state.connectUrl(), state.historyUrl());

      assertThat(DeploymentCheck.failures(state.connectUrl(), scratch.resolve("parquet-roundtrip").toString()))
          .as("known-answer queries through %s", state.connectUrl()).isEmpty();

      SparkSession spark = ConnectSessions.open(state.connectUrl());
      try {
        assertThat(setting(spark, "spark.executor.memory")).isEqualTo("768m");
        assertThat(setting(spark, "spark.sql.shuffle.partitions")).isEqualTo("7");
        assertThat(spark.version()).startsWith(version + ".");
      } finally {
        ConnectSessions.close(spark);
      }

      assertThat(historyApplications(state.historyUrl())).anySatisfy(app ->
          assertThat(app.path("name").asText()).isEqualTo("local-spark-k8s-connect"));

      Cli.Result status = Cli.run("status", "--local", "--run-dir", runDir.toString());
      assertThat(status.exitCode()).as(status.toString()).isZero();
      // The development preset: one worker, whose one executor uses both its cores.
      assertThat(status.out()).contains("master", "worker", "history", "connect", "all 4 processes running");

      assertThat(ClassDataArchive.of(SparkHome.built(version)).exists()).as("class-data archive made by up").isTrue();
      // A JVM that cannot use the archive says so on stdout: the daemons' logs, the executors' stdout files.
      java.util.List<Path> logs = new java.util.ArrayList<>(state.processes().stream().map(p -> p.log()).toList());
      try (var files = java.nio.file.Files.walk(runDir.resolve("instances"))) {
        files.filter(f -> f.getFileName().toString().equals("stdout")).forEach(logs::add);
      }
      assertThat(logs).hasSizeGreaterThan(state.processes().size());
      for (Path log : logs) {
        assertThat(java.nio.file.Files.readString(log)).as("JVM warnings in " + log)
            .doesNotContain("[warning][cds", "[error][cds", "Unable to use shared archive", "shared class paths mismatch");
      }
    } finally {
      Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
      assertThat(down.exitCode()).as(down.toString()).isZero();
    }
    assertThat(SparkProcesses.of(runDir)).as("Spark processes left after down").isEmpty();
    assertThat(SparkProcesses.executors()).as("executor JVMs left after down").isEmpty();
  }

  /** {@code SET key} through Spark Connect: the value the server's session has. */
  private static String setting(SparkSession spark, String key) {
    return spark.sql("SET " + key).first().getString(1);
  }

  /** The History Server's REST API, polled until it lists an application (it scans every 10 s). */
  private static JsonNode historyApplications(String historyUrl) throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    JsonNode apps = new ObjectMapper().createArrayNode();
    while (Instant.now().isBefore(deadline)) {
      try (var in = URI.create(historyUrl + "/api/v1/applications").toURL().openStream()) {
        apps = new ObjectMapper().readTree(in);
      }
      if (apps.size() > 0) {
        return apps;
      }
      Thread.sleep(1000);
    }
    return apps;
  }
}
