package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.SparkClassCommand;
import dev.sparkk8s.local.SparkHome;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shared platforms run with {@code security.authenticate}, {@code networkEncryption} and {@code ioEncryption}
 * (their other ITs run queries through those executors): a worker that does not hold the run's secret is refused by
 * the master; the master's REST submission server does not listen; every listener of the run is on 127.0.0.1, but
 * Spark 3.5's Connect server, which binds every interface and has no key to change it.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class SecurityLocalIT {

  private static final Duration REFUSAL = Duration.ofSeconds(90);
  private static final int INTRUDER_UI = 18581;

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void theServerAuthenticatesAndEncryptsAndAWorkerWithoutTheSecretIsRefused(String version, SharedPlatforms platforms,
      @TempDir Path workDir) throws Exception {
    SharedPlatforms.Platform platform = platforms.of(version);
    LocalState state = platform.state();
    SparkSession spark = ConnectSessions.open(state.connectUrl());
    try {
      for (String key : List.of("spark.authenticate", "spark.network.crypto.enabled", "spark.io.encryption.enabled")) {
        assertThat(spark.sql("SET " + key).first().getString(1)).as(key).isEqualTo("true");
      }
    } finally {
      ConnectSessions.close(spark);
    }
    int workers = MasterJson.of(state.masterWebUrl()).path("aliveworkers").asInt();

    Path log = workDir.resolve("intruder.log");
    Process intruder = intruderWorker(version, state.masterUrl(), workDir, log);
    try {
      boolean refused = Poll.every(Duration.ofSeconds(1), REFUSAL).until(() -> log(log).contains("Failed to connect to master"));
      assertThat(refused).as("the worker without the secret failed to connect; its log:\n" + log(log)).isTrue();
      JsonNode master = MasterJson.of(state.masterWebUrl());
      assertThat(master.path("aliveworkers").asInt()).as("alive workers").isEqualTo(workers);
      assertThat(master.path("workers").findValuesAsText("webuiaddress")).noneMatch(a -> a.contains(":" + INTRUDER_UI));
    } finally {
      intruder.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      intruder.destroyForcibly();
    }
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void everyListenerOfTheRunIsOnLoopbackAndNoRestServerListens(String version, SharedPlatforms platforms)
      throws Exception {
    LocalState state = platforms.of(version).state();
    List<ListeningSockets.Socket> sockets = ListeningSockets.of(state.allProcesses().stream()
        .flatMap(p -> p.handle().stream()).toList());
    int grpc = state.processes().stream().filter(p -> p.name().equals("connect")).findFirst()
        .map(LocalProcess::ports).orElseThrow().get("grpc");

    assertThat(sockets).as("listening sockets of the run").isNotEmpty();
    assertThat(sockets).extracting(ListeningSockets.Socket::port).as("the master's REST submission server")
        .doesNotContain(6066);
    List<ListeningSockets.Socket> open = sockets.stream().filter(s -> !s.loopback()).toList();
    if (version.equals("3.5")) {
      assertThat(open).as("3.5's Connect server binds every interface (NettyServerBuilder.forPort)")
          .extracting(ListeningSockets.Socket::port).containsOnly(grpc);
    } else {
      assertThat(open).as("listeners not on loopback").isEmpty();
    }
  }

  /** A worker with spark.authenticate and network encryption on, and a secret that is not the run's. */
  private static Process intruderWorker(String version, String masterUrl, Path workDir, Path log) throws IOException {
    SparkHome home = SparkHome.built(version);
    Map<String, String> env = new HashMap<>(home.env());
    env.put("_SPARK_AUTH_SECRET", "not-the-run-secret");
    env.put("SPARK_WORKER_OPTS", "-Dspark.authenticate=true -Dspark.network.crypto.enabled=true");
    env.put("SPARK_DAEMON_MEMORY", "256m");
    env.put("SPARK_CONF_DIR", Files.createDirectories(workDir.resolve("conf")).toString());
    env.put("SPARK_LOG_DIR", workDir.toString());
    ProcessBuilder pb = new ProcessBuilder(SparkClassCommand.of(home, List.of("org.apache.spark.deploy.worker.Worker",
        "--host", "127.0.0.1", "--webui-port", String.valueOf(INTRUDER_UI), "--cores", "1", "--memory", "512m",
        "--work-dir", workDir.resolve("work").toString(), masterUrl), env));
    pb.environment().putAll(env);
    return pb.redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
  }

  private static String log(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

}
