package dev.sparkk8s.local;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.WorkloadMix;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.connect.SparkSession;

/**
 * The workload a class-data archive is dumped from: a Spark Connect server in {@code local[2]} mode that answers
 * the kinds of query the platform runs ({@link WorkloadMix#TRAINING}) through the Connect client, as users' queries
 * reach it, and whose UI's REST API (what the Connect pod's readiness probe reads) answers once. Its JVM is then
 * stopped as a kubelet stops a pod, and writes the archive (or the list of the classes it loaded) on its way out.
 * In {@code local[2]} the driver runs the tasks too, so the archive holds what a Connect server, an executor and
 * (for their RPC and web parts) the daemons load.
 */
final class ClassDataTraining {

  private static final String CONNECT_SERVER = "org.apache.spark.sql.connect.service.SparkConnectServer";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
  private static final Duration STOP_GRACE = Duration.ofMinutes(2);

  private ClassDataTraining() {
  }

  /**
   * Runs the training in {@code work}; the server's JVM gets these options first (what it dumps, and where, as it
   * exits).
   */
  static void run(SparkHome home, Path work, List<String> dumpOptions) {
    LocalPorts ports = LocalPorts.ephemeral();
    int grpcPort = ports.any();
    int uiPort = ports.any();
    List<String> submit = List.of("org.apache.spark.deploy.SparkSubmit", "--master", "local[2]",
        "--conf", "spark.driver.host=" + LocalAddresses.LOOPBACK,
        "--conf", "spark.driver.bindAddress=" + LocalAddresses.LOOPBACK,
        "--conf", "spark.ui.port=" + uiPort,
        "--conf", "spark.connect.grpc.binding.address=" + LocalAddresses.LOOPBACK,
        "--conf", "spark.connect.grpc.binding.port=" + grpcPort,
        "--class", CONNECT_SERVER, "spark-internal");
    Map<String, String> env = home.env();
    List<String> command = new ArrayList<>(SparkClassCommand.of(home, submit, env));
    command.addAll(1, dumpOptions);
    Path log = work.resolve("training.log");
    ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
        .redirectOutput(Redirect.to(log.toFile()));
    pb.environment().putAll(env);
    Process server;
    try {
      server = pb.start();
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start the training's Connect server: " + e.getMessage(), e);
    }
    try {
      awaitListening(server, grpcPort, log);
      query("sc://" + LocalAddresses.LOOPBACK + ":" + grpcPort, work.resolve("parquet"), log);
      Readiness.httpGet("http://" + LocalAddresses.LOOPBACK + ":" + uiPort + "/api/v1/applications");
      ProcessStopper.stop(List.of(server.toHandle()), STOP_GRACE);
    } finally {
      server.destroyForcibly();
    }
  }

  private static void awaitListening(Process server, int port, Path log) {
    boolean listening = Poll.every(Duration.ofMillis(200), START_TIMEOUT)
        .until(() -> !server.isAlive() || Readiness.tcp(port));
    if (!server.isAlive() || !listening) {
      throw new LocalRuntimeException("the training's Connect server " + (server.isAlive()
          ? "did not listen within " + START_TIMEOUT.toMinutes() + " minutes" : "exited with code " + server.exitValue())
          + "; the last lines of its log:\n" + LogTail.of(log, 10));
    }
  }

  private static void query(String url, Path parquet, Path log) {
    SparkSession session = ConnectSessions.client(url);
    try {
      ConnectSessions.matchServer(session);
      for (KnownAnswerQuery q : WorkloadMix.pass(WorkloadMix.TRAINING, parquet.toString())) {
        String problem = ConnectQueries.problem(session, q);
        if (problem != null) {
          throw new LocalRuntimeException("the training query " + q.name() + " was answered wrong: " + problem);
        }
      }
    } catch (LocalRuntimeException e) {
      throw e;
    } catch (Exception e) {
      // Scala throws checked SparkExceptions that Java does not see declared.
      throw new LocalRuntimeException("a training query failed: " + String.valueOf(e.getMessage()).lines().findFirst()
          .orElse("") + "; the last lines of the server's log:\n" + LogTail.of(log, 10), e);
    } finally {
      ConnectSessions.close(session);
    }
  }
}
