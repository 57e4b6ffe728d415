package dev.sparkk8s.jobs.local;

import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.local.SparkClassCommand;
import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How Spark's own Standalone client reaches the local platform's master: the job profile's spark-defaults as the
 * chart rendered them for the release {@code up} runs, addresses and mounted paths made local as in the Connect
 * server's spark-defaults.conf (the event log's claim is one directory of the run); and the environment of a
 * worker's container, in which the driver runs (its Secrets, such as the authentication secret, included).
 */
final class LocalSparkClient {

  /** What the chart renders in place of the secret, which Spark reads from {@code _SPARK_AUTH_SECRET}. */
  private static final String AUTH_SECRET = "spark.authenticate.secret";

  private final RunningPlatform platform;
  private final JobProfile profile;

  LocalSparkClient(RunningPlatform platform, JobProfile profile) {
    this.platform = platform;
    this.profile = profile;
  }

  /** The job profile's configuration, made local. */
  Map<String, String> conf() {
    return platform.localConf(first(Component.CONNECT), profile.conf());
  }

  /** Writes {@link #conf()} as a properties file for {@code --properties-file}. */
  Path writeConf(Path dir) {
    try {
      Files.createDirectories(dir);
      Path file = dir.resolve("spark-defaults.conf");
      Files.writeString(file, conf().entrySet().stream()
          .map(e -> e.getKey() + " " + e.getValue().replace("\\", "\\\\"))
          .collect(Collectors.joining("\n", "# The job profile of the local platform's release, made local.\n", "\n")));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A worker's environment, which Spark's client hands on to the driver it submits, with the driver's JVM options in
   * {@code JAVA_TOOL_OPTIONS} (the variable the client hands on that the JVM reads):
   * <ul>
   *   <li>the options Spark's launcher gives a driver it starts itself (the JDK module openings, such as
   *   {@code --add-opens=java.base/sun.nio.ch=ALL-UNNAMED}): a Standalone worker starts a cluster-mode driver
   *   without them, and on JDK 17 Spark 3.5's driver then fails ({@code IllegalAccessError} on
   *   {@code sun.nio.ch.DirectBuffer});</li>
   *   <li>with spark.authenticate, the placeholder of {@code spark.authenticate.secret} the chart renders: a worker
   *   drops {@code -Dspark.authenticate.secret*} from a driver's options (handing the secret over in
   *   {@code _SPARK_AUTH_SECRET}), and a driver whose configuration lacks the key refuses to start ("A secret key must
   *   be specified via the spark.authenticate.secret config").</li>
   * </ul>
   */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(platform.environment(first(Component.WORKER)));
    StringBuilder options = new StringBuilder(env.getOrDefault("JAVA_TOOL_OPTIONS",
        System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", "")));
    launcherDriverOptions(env).forEach(o -> options.append(' ').append(o));
    String placeholder = profile.conf().get(AUTH_SECRET);
    if ("true".equals(profile.conf().get("spark.authenticate")) && placeholder != null) {
      options.append(" \"-D").append(AUTH_SECRET).append('=').append(placeholder.replace("\"", "")).append('"');
    }
    env.put("JAVA_TOOL_OPTIONS", options.toString().strip());
    return env;
  }

  /** The JVM options Spark's launcher gives a driver of this Spark home, its class path and heap left out. */
  private List<String> launcherDriverOptions(Map<String, String> env) {
    List<String> command = SparkClassCommand.of(platform.home(),
        List.of("org.apache.spark.deploy.SparkSubmit", "--class", "Driver", "spark-internal"), env);
    List<String> options = new ArrayList<>();
    for (int i = 1; i < command.size() && !command.get(i).equals("org.apache.spark.deploy.SparkSubmit"); i++) {
      String word = command.get(i);
      if (word.equals("-cp")) {
        i++;
      } else if (!word.startsWith("-Xmx")) {
        options.add(word);
      }
    }
    return options;
  }

  /** spark-submit's leading arguments: Spark's SparkSubmit on the master, with the profile's file. */
  List<String> submitArgs(Path confFile) {
    return List.of("org.apache.spark.deploy.SparkSubmit", "--master", platform.state().masterUrl(),
        "--properties-file", confFile.toString(),
        // The legacy gateway, the master's RPC port: its REST server is off unless the chart's values turn it on.
        "--conf", "spark.master.rest.enabled=false",
        // The CLI follows the driver's state itself; the client returns once the master has it.
        "--conf", "spark.standalone.submit.waitAppCompletion=false");
  }

  RunningPlatform platform() {
    return platform;
  }

  private String first(Component component) {
    List<String> instances = platform.instances(component);
    if (instances.isEmpty()) {
      throw new IllegalStateException("the local platform runs no " + component);
    }
    return instances.get(0);
  }
}
