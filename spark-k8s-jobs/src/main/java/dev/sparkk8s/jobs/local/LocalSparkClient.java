package dev.sparkk8s.jobs.local;

import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.local.RunningPlatform;
import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
   * A worker's environment, which Spark's client hands on to the driver it submits, with the {@code JAVA_TOOL_OPTIONS}
   * of the chart's submitting pod (with spark.authenticate, the secret key's placeholder, which a worker drops from a
   * driver's options) after any this machine's JVMs have. The launcher's module options a worker also leaves out come
   * with the profile's {@code spark.driver.extraJavaOptions}.
   */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(platform.environment(first(Component.WORKER)));
    String options = (env.getOrDefault("JAVA_TOOL_OPTIONS", System.getenv().getOrDefault("JAVA_TOOL_OPTIONS", ""))
        + " " + submitterVariable("JAVA_TOOL_OPTIONS")).strip();
    if (!options.isEmpty()) {
      env.put("JAVA_TOOL_OPTIONS", options);
    }
    return env;
  }

  /** A variable the chart gives the standalone backend's submitting pod, empty when it gives none. */
  private String submitterVariable(String name) {
    return profile.submissionTemplate().stream()
        .flatMap(job -> job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream())
        .filter(v -> v.getName().equals(name) && v.getValue() != null).map(v -> v.getValue()).findFirst().orElse("");
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
