package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code up --local} on real Spark 3.5 and 4.1 (the run's shared platforms): queries with known
 * answers through Spark Connect, the user's values reaching the server, status (the embedded S3
 * server and the Prometheus server of {@code --monitoring} among the processes), and every JVM using
 * the class-data archive (the History Server listing the application from the event log on S3:
 * {@link S3LocalIT}). That {@code down} leaves no
 * process behind is checked where a test owns its platform ({@link MasterRestartIT},
 * {@link WorkerLossIT}) and when the shared platforms stop.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class LocalPlatformIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void upQueryHistoryStatus(String version, SharedPlatforms platforms, @TempDir Path scratch) throws Exception {
    SharedPlatforms.Platform platform = platforms.of(version);
    LocalState state = platform.state();
    assertThat(platform.up().out()).contains("first query", state.connectUrl(), state.historyUrl())
        .containsPattern("(?m)^  Prometheus: http://127\\.0\\.0\\.1:[0-9]+$");

    assertThat(DeploymentCheck.failures(state.connectUrl(), scratch.resolve("parquet-roundtrip").toString()))
        .as("known-answer queries through %s", state.connectUrl()).isEmpty();

    SparkSession spark = ConnectSessions.open(state.connectUrl());
    try {
      assertThat(setting(spark, "spark.executor.memory")).isEqualTo(SharedPlatforms.EXECUTOR_MEMORY);
      assertThat(setting(spark, "spark.sql.shuffle.partitions")).isEqualTo(SharedPlatforms.SHUFFLE_PARTITIONS);
      assertThat(spark.version()).startsWith(version + ".");
    } finally {
      ConnectSessions.close(spark);
    }

    Cli.Result status = Cli.statusSaying(platform.runDir(), "all 8 processes running");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    // The development preset: one worker, whose one executor uses both its cores; the Connect server's TLS proxy
    // (--auth); the embedded S3 server; Prometheus and the container metrics it scrapes.
    assertThat(status.out()).contains("master", "worker", "history", "connect", "connect/connect-proxy", "s3",
        "prometheus", "kubelet-metrics", "all 8 processes running");

    assertThat(ClassDataArchive.of(SparkHome.built(version)).exists()).as("class-data archive made by up").isTrue();
    // A JVM that cannot use the archive says so on stdout: the daemons' logs, the executors' stdout files.
    List<Path> logs = new ArrayList<>(state.processes().stream().map(LocalProcess::log).toList());
    try (Stream<Path> files = Files.walk(platform.runDir().resolve("instances"))) {
      files.filter(f -> f.getFileName().toString().equals("stdout")).forEach(logs::add);
    }
    assertThat(logs).hasSizeGreaterThan(state.processes().size());
    for (Path log : logs) {
      assertThat(Files.readString(log)).as("JVM warnings in " + log)
          .doesNotContain("[warning][cds", "[error][cds", "Unable to use shared archive", "shared class paths mismatch");
    }
    // Their class path starts with their own configuration directory, moved behind the jars for the archive.
    for (String name : List.of("connect", "history")) {
      LocalProcess process = state.processes().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
      assertThat(jvmArguments(process)).as(name + "'s JVM").anyMatch(a -> a.startsWith("-XX:SharedArchiveFile="));
    }
  }

  /** The arguments of the JVM a process runs (behind its launch wrapper). */
  private static List<String> jvmArguments(LocalProcess process) {
    ProcessHandle root = process.handle().orElseThrow();
    return Stream.concat(Stream.of(root), root.descendants())
        .filter(h -> h.info().command().filter(c -> c.endsWith("/java")).isPresent())
        .flatMap(h -> Stream.of(h.info().arguments().orElse(new String[0]))).toList();
  }

  /** {@code SET key} through Spark Connect: the value the server's session has. */
  private static String setting(SparkSession spark, String key) {
    return spark.sql("SET " + key).first().getString(1);
  }

}
