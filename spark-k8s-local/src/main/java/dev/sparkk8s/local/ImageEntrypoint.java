package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the apache/spark image runs for a container's words (its command after the chart's launch
 * wrapper, then its args), as a java command line on this machine: {@code spark-class} and
 * {@code spark-submit} as the scripts run them, and the image entrypoint's {@code driver} (spark-submit
 * in client mode, bound to the pod's address) and {@code executor} (Spark's Kubernetes executor
 * backend, from the pod's environment); a bash script the chart mounts (a standalone-backend job's submit.sh), run
 * by this machine's bash; and the nginx image's {@code nginx}.
 */
sealed interface ImageEntrypoint {

  String SPARK_SUBMIT = "org.apache.spark.deploy.SparkSubmit";
  String EXECUTOR_BACKEND = "org.apache.spark.scheduler.cluster.k8s.KubernetesExecutorBackend";
  String BASH = "/bin/bash";

  /** The java command line, asking Spark's launcher where the image's scripts would. */
  List<String> javaCommand(SparkHome home, Map<String, String> env);

  /**
   * @param words the container's words, expanded and with local addresses; the first names what runs
   * @param env   the container's resolved environment
   */
  static ImageEntrypoint of(String instance, List<String> words, Map<String, String> env, SparkHome home) {
    if (words.isEmpty()) {
      throw new LocalRuntimeException(instance + ": the container has neither a command nor args");
    }
    String first = Path.of(words.get(0)).getFileName().toString();
    List<String> rest = words.subList(1, words.size());
    return switch (first) {
      case "spark-class" -> new SparkClass(List.copyOf(rest));
      case "spark-submit" -> new SparkClass(concat(List.of(SPARK_SUBMIT), rest));
      case "driver" -> new SparkClass(concat(List.of(SPARK_SUBMIT,
          "--conf", "spark.driver.bindAddress=" + variable(env, "SPARK_DRIVER_BIND_ADDRESS"),
          "--conf", "spark.executorEnv.SPARK_DRIVER_POD_IP=" + variable(env, "SPARK_DRIVER_BIND_ADDRESS"),
          "--deploy-mode", "client"), rest));
      case "executor" -> new Java(executor(env, home));
      case NginxImage.NAME -> new Nginx(NginxImage.command(words));
      case "bash" -> new Bash(concat(List.of(BASH), rest));
      default -> throw new LocalRuntimeException(instance + ": the local runtime runs spark-class, spark-submit, "
          + "driver, executor, bash and nginx containers, not " + words.get(0));
    };
  }

  /** entrypoint.sh's executor command: {@code SPARK_JAVA_OPT_*} in name order, the executor memory, the backend. */
  private static List<String> executor(Map<String, String> env, SparkHome home) {
    List<String> command = new ArrayList<>(List.of(SparkClassCommand.javaBinary()));
    new TreeMap<>(env).forEach((k, v) -> {
      if (k.startsWith("SPARK_JAVA_OPT_")) {
        command.add(v);
      }
    });
    String memory = variable(env, "SPARK_EXECUTOR_MEMORY");
    command.addAll(List.of("-Xms" + memory, "-Xmx" + memory));
    String confDir = env.get("SPARK_CONF_DIR");
    command.addAll(List.of("-cp", (confDir == null ? "" : confDir + ":") + home.jars() + "/*", EXECUTOR_BACKEND,
        "--driver-url", variable(env, "SPARK_DRIVER_URL"),
        "--executor-id", variable(env, "SPARK_EXECUTOR_ID"),
        "--cores", variable(env, "SPARK_EXECUTOR_CORES"),
        "--app-id", variable(env, "SPARK_APPLICATION_ID"),
        "--hostname", variable(env, "SPARK_EXECUTOR_POD_IP"),
        "--resourceProfileId", variable(env, "SPARK_RESOURCE_PROFILE_ID"),
        "--podName", variable(env, "SPARK_EXECUTOR_POD_NAME")));
    return command;
  }

  /** {@code "$NAME"} in the entrypoint: empty when unset. */
  private static String variable(Map<String, String> env, String name) {
    return env.getOrDefault(name, "");
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return List.copyOf(out);
  }

  /** What follows {@code spark-class}: Spark's launcher turns it into the java command line. */
  record SparkClass(List<String> args) implements ImageEntrypoint {

    @Override
    public List<String> javaCommand(SparkHome home, Map<String, String> env) {
      return SparkClassCommand.of(home, args, env);
    }
  }

  /** The nginx image's entrypoint ({@link NginxImage}): this machine's nginx; not a java command line. */
  record Nginx(List<String> command) implements ImageEntrypoint {

    @Override
    public List<String> javaCommand(SparkHome home, Map<String, String> env) {
      throw new LocalRuntimeException("nginx is not a java process: " + command);
    }
  }

  /**
   * A script run by bash ({@code /bin/bash <script> args}): not a java command line. Its {@code SPARK_HOME} is the
   * image's ({@link ImageSparkHome}), whose {@code bin/spark-submit} and {@code bin/spark-class} the script calls.
   */
  record Bash(List<String> command) implements ImageEntrypoint {

    @Override
    public List<String> javaCommand(SparkHome home, Map<String, String> env) {
      throw new LocalRuntimeException("a bash script is not a java process: " + command);
    }
  }

  /** A java command line the entrypoint builds itself. */
  record Java(List<String> command) implements ImageEntrypoint {

    @Override
    public List<String> javaCommand(SparkHome home, Map<String, String> env) {
      return command;
    }
  }
}
