package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.jobs.local.MasterDrivers;
import dev.sparkk8s.jobs.local.StandaloneDriver;
import dev.sparkk8s.local.ImageSparkHome;
import dev.sparkk8s.local.LogTail;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.SparkClassCommand;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.SparkDefaults;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The standalone backend's submission as the chart renders it: the job profile's submit.sh, run by bash as its Job's
 * pod runs it (the image's SPARK_HOME played by {@link ImageSparkHome}), against a real Standalone master and worker
 * with the profile's spark-defaults (the master's Service name made local). A known-answer job ends 0 with its answer
 * in the driver's output on the worker, a failing driver ends 1 naming its state (Spark's own client exits 0), and
 * SIGTERM (the Job deleted) kills the driver through the master. With spark.authenticate (4.1 here), the pod's
 * variables as rendered give the driver the key a worker drops from its options.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class StandaloneSubmissionIT {

  @TempDir
  Path dir;

  /** The shared secret of the spark.authenticate case, as the Secret would hold it. */
  private static final String AUTH_SECRET = "not-so-secret";
  private static final Pattern MASTER_STARTED = Pattern.compile("Starting Spark master at spark://[^:\\s]+:(\\d+)");
  private static final Pattern MASTER_UI_BOUND = Pattern.compile("Bound MasterWebUI to \\S+, and started at https?://[^:\\s]+:(\\d+)");

  @ParameterizedTest(name = "Spark {0}, spark.authenticate {1}")
  @CsvSource({"3.5, false", "4.1, true"})
  void submitShEndsAsTheDriverDoesAndSigtermKillsTheDriver(String line, boolean authenticate) throws Exception {
    SparkHome home = SparkHome.built(line);
    Path jar = KnownAnswerJar.build(home, dir.resolve("app"));
    ConfigMap profile = profile(line, authenticate);
    Map<String, String> podEnv = submitterEnv(profile, authenticate);
    Map<String, String> daemonEnv = authenticate
        ? Map.of("SPARK_DAEMON_JAVA_OPTS", "-Dspark.authenticate=true", "_SPARK_AUTH_SECRET", AUTH_SECRET) : Map.of();
    Path workDir = Files.createDirectories(dir.resolve("worker"));
    List<Process> daemons = new ArrayList<>();
    try {
      // Ports the daemons pick and log: a port chosen here could be taken by another test before a daemon binds it.
      daemons.add(daemon(home, daemonEnv, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
          "--port", "0", "--webui-port", "0")));
      String masterUrl = "spark://127.0.0.1:" + loggedPort("master", MASTER_STARTED);
      String masterUi = "http://127.0.0.1:" + loggedPort("master", MASTER_UI_BOUND);
      Path profileDir = writeProfile(profile, masterUrl);
      daemons.add(daemon(home, daemonEnv, "worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", "3", "--memory", "3g", "--work-dir", workDir.toString(), "--webui-port", "0", masterUrl)));
      untilOrShowLogs("the worker registered with the master", () -> {
        JsonNode json = masterJson(masterUi);
        return json != null && json.path("aliveworkers").asInt() == 1;
      });
      Path imageHome = ImageSparkHome.create(home, dir.resolve("image-spark-home"));

      Submission pi = submit(imageHome, profileDir, podEnv, jar, "pi", List.of("200000"));
      assertThat(pi.process.waitFor(4, TimeUnit.MINUTES)).isTrue();
      assertThat(pi.process.exitValue()).as(pi.output()).isZero();
      assertThat(driverStdout(workDir, pi.driverId())).contains("Pi is roughly 3.14158");

      Submission failing = submit(imageHome, profileDir, podEnv, jar, "failing", List.of("fail"));
      assertThat(failing.process.waitFor(4, TimeUnit.MINUTES)).isTrue();
      assertThat(failing.process.exitValue()).as(failing.output()).isEqualTo(1);
      assertThat(failing.output()).contains("spark-k8s: driver " + failing.driverId() + " ended FAILED");

      Submission killed = submit(imageHome, profileDir, podEnv, jar, "killed", List.of("1000", "600"));
      Waits.until("the long job's driver running", Duration.ofMinutes(3),
          () -> driverStdout(workDir, killed.driverId()).contains("Pi is roughly"));
      killed.process.destroy();
      assertThat(killed.process.waitFor(2, TimeUnit.MINUTES)).isTrue();
      assertThat(killed.process.exitValue()).as(killed.output()).isEqualTo(143);
      assertThat(killed.output()).contains("spark-k8s: stopping: killing driver " + killed.driverId());
      assertThat(driverState(masterUi, killed.driverId())).isEqualTo("KILLED");
    } finally {
      ProcessStopper.stop(daemons.stream().map(Process::toHandle).toList(), Duration.ofSeconds(10));
    }
  }

  /** One run of the profile's submit.sh, with its output in a file. */
  private record Submission(Process process, Path log) {

    String output() {
      try {
        return Files.readString(log);
      } catch (IOException e) {
        return "(no output: " + e.getMessage() + ")";
      }
    }

    String driverId() {
      Waits.until("the driver submitted", () -> output().contains("submitted as driver-"));
      String out = output();
      int at = out.indexOf("submitted as ") + "submitted as ".length();
      return out.substring(at, out.indexOf(out.contains("\r") ? '\r' : '\n', at)).strip();
    }
  }

  private Submission submit(Path imageHome, Path profileDir, Map<String, String> podEnv, Path jar, String name,
      List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of("/bin/bash", profileDir.resolve("submit.sh").toString(),
        "--name", name, "--class", KnownAnswerJar.MAIN_CLASS, jar.toUri().toString()));
    command.addAll(args);
    Path log = dir.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().putAll(podEnv);
    pb.environment().putAll(Map.of("SPARK_HOME", imageHome.toString(), "SPARK_MASTER_URL",
        SparkDefaults.parse(Files.readString(profileDir.resolve(ChartConfigMap.SPARK_DEFAULTS))).get("spark.master"),
        "JOB_PROFILE_DIR", profileDir.toString(), "SPARK_LOCAL_IP", "127.0.0.1"));
    return new Submission(pb.start(), log);
  }

  private static ConfigMap profile(String line, boolean authenticate) {
    RenderRequest.Builder request = RenderRequest.builder().set("spark.version", line)
        .set("spark.connect.mode.k8s.backend", "standalone").set("spark.jobs.enabled", "true");
    if (authenticate) {
      request.set("security.authenticate.enabled", "true").set("security.authenticate.existingSecret", "spark-auth");
    }
    return new ChartRenderer(Charts.chartDir()).render(request.build()).objects(ConfigMap.class).stream()
        .filter(ChartConfigMap.JOB_PROFILE::is).findFirst().orElseThrow();
  }

  /**
   * The submitting pod's own variables as the chart renders them (JAVA_TOOL_OPTIONS with spark.authenticate), and the
   * shared secret its Secret reference gives.
   */
  private static Map<String, String> submitterEnv(ConfigMap profile, boolean authenticate) {
    Job job = new KubernetesSerialization().unmarshal(profile.getData().get(ChartConfigMap.SUBMISSION_JOB), Job.class);
    Map<String, String> env = new HashMap<>();
    for (EnvVar var : job.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (var.getValue() != null && !var.getName().equals("HOME")) {
        env.put(var.getName(), var.getValue());
      }
    }
    if (authenticate) {
      assertThat(env).containsKey("JAVA_TOOL_OPTIONS");
      env.put("_SPARK_AUTH_SECRET", AUTH_SECRET);
    }
    return env;
  }

  /** The job profile's files as its pod mounts them, the master's Service name made this machine's master. */
  private Path writeProfile(ConfigMap profile, String masterUrl) throws IOException {
    Path profileDir = Files.createDirectories(dir.resolve("job-profile"));
    String defaults = profile.getData().get(ChartConfigMap.SPARK_DEFAULTS);
    String rendered = defaults.lines().filter(l -> l.startsWith("spark.master ")).findFirst().orElseThrow()
        .substring("spark.master ".length());
    Files.writeString(profileDir.resolve(ChartConfigMap.SPARK_DEFAULTS), defaults.replace(rendered, masterUrl));
    Files.writeString(profileDir.resolve("submit.sh"), profile.getData().get("submit.sh"));
    return profileDir;
  }

  private Process daemon(SparkHome home, Map<String, String> extraEnv, String name, List<String> args)
      throws IOException {
    Map<String, String> env = new HashMap<>(home.env());
    env.putAll(extraEnv);
    ProcessBuilder pb = new ProcessBuilder(SparkClassCommand.of(home, args, env)).redirectErrorStream(true)
        .redirectOutput(dir.resolve(name + ".log").toFile());
    pb.environment().putAll(env);
    return pb.start();
  }

  private static String driverStdout(Path workDir, String driverId) {
    Path stdout = workDir.resolve(driverId).resolve("stdout");
    try {
      return Files.isRegularFile(stdout) ? Files.readString(stdout) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static String driverState(String masterUi, String driverId) {
    return MasterDrivers.of(masterUi).stream().filter(d -> d.id().equals(driverId)).map(StandaloneDriver::state)
        .findFirst().orElse("(not listed)");
  }

  private static JsonNode masterJson(String masterUi) {
    try (InputStream in = URI.create(masterUi + "/json/").toURL().openStream()) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      return null;
    }
  }

  /** The port in the first line of the daemon's log that matches (group 1), once it is there. */
  private int loggedPort(String daemon, Pattern line) {
    int[] port = {0};
    untilOrShowLogs(daemon + " logging " + line.pattern(), () -> {
      Matcher m = line.matcher(log(daemon));
      if (m.find()) {
        port[0] = Integer.parseInt(m.group(1));
      }
      return port[0] > 0;
    });
    return port[0];
  }

  /** {@link Waits#until}, failing with the last lines of the daemons' logs. */
  private void untilOrShowLogs(String what, BooleanSupplier condition) {
    try {
      Waits.until(what, condition);
    } catch (AssertionError e) {
      StringBuilder message = new StringBuilder(e.getMessage());
      for (String daemon : List.of("master", "worker")) {
        message.append("\n--- ").append(daemon).append(".log, last lines:\n")
            .append(LogTail.of(dir.resolve(daemon + ".log"), 30));
      }
      throw new AssertionError(message.toString(), e);
    }
  }

  private String log(String daemon) {
    try {
      Path log = dir.resolve(daemon + ".log");
      return Files.isRegularFile(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
