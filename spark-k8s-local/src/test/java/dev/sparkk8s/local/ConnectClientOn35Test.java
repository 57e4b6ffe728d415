package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The 4.1 Connect client against a real 3.5 Connect server: the catalogue's queries are answered
 * right, and the client says nothing about what 3.5 lacks (plan compression, ReleaseSession) and
 * prints no stack trace, with Spark's own default logging (INFO) in the client's JVM.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ConnectClientOn35Test {

  private static final List<String> OPENS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
      "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang=ALL-UNNAMED",
      "-Dio.netty.tryReflectionSetAccessible=true");

  @Test
  void queriesAreAnsweredRightAndTheClientStaysQuiet(@TempDir Path dir) throws Exception {
    SparkHome home = SparkHome.built("3.5");
    int port = freePort();
    Map<String, String> env = Map.of("SPARK_HOME", home.dir().toString(), "SPARK_SCALA_VERSION", home.scalaVersion(),
        "SPARK_LOCAL_IP", LocalAddresses.LOOPBACK);
    List<String> server = SparkClassCommand.of(home, List.of("org.apache.spark.deploy.SparkSubmit", "--master",
        "local[2]", "--conf", "spark.ui.enabled=false", "--conf", "spark.connect.grpc.binding.port=" + port,
        "--class", "org.apache.spark.sql.connect.service.SparkConnectServer", "spark-internal"), env);
    Path log = dir.resolve("server.log");
    ProcessBuilder pb = new ProcessBuilder(server).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(env);
    Process process = pb.start();
    try {
      assertThat(Poll.every(Duration.ofMillis(200), Duration.ofMinutes(2))
          .until(() -> !process.isAlive() || read(log).contains("Spark Connect server started")))
          .as("the server started").isTrue();
      assertThat(process.isAlive()).as("server alive; its log:%n%s", Files.readString(log)).isTrue();

      List<String> client = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
      client.addAll(OPENS);
      client.addAll(List.of("-cp", System.getProperty("java.class.path"), ConnectClientRun.class.getName(),
          "sc://127.0.0.1:" + port, dir.resolve("data").toString()));
      CommandResult run = CommandResult.run(client);

      assertThat(run.exit()).as(run.output()).isZero();
      assertThat(run.output()).as(run.output())
          .contains("ok first query", "ok two sessions isolated", "ok Parquet read back", "ok slow sum",
              "ok sleeping rows")
          .doesNotContain("wrong ", "\tat ", "Plan compression", "planCompression", "ReleaseSession",
              "Failed to release session");
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly().waitFor();
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "";
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
