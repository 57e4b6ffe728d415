package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.kube.KnownAnswerJar;
import dev.sparkk8s.kube.LocalCluster;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code jobs submit|status|logs|kill} on the standalone backend, with real Spark behind a release installed with
 * {@code up} ({@link LocalCluster}): {@code jobs submit} creates the profile's submission Job, the harness's Job
 * controller creates its pod and the local kubelet runs it (the chart's submit.sh through the launch wrapper, against
 * the release's master pod, which starts the driver on the worker pod). The known-answer job ends SUCCEEDED (exit
 * 0), a failing driver FAILED (exit 1), and a killed job KILLED, its driver killed through the master.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class StandaloneJobsIT {

  private static final String NS = "spark";
  private static final String RELEASE = "spark";
  private static final Duration READY = Duration.ofMinutes(5);
  private static final Pattern DRIVER_ID = Pattern.compile("submitted as (driver-\\d+-\\d+)");

  @TempDir
  Path runDir;

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"4.1", "3.5"})
  void jobsRunToTheirEndOnTheReleasesMasterAndWorker(String line) {
    Path jar = KnownAnswerJar.build(SparkHome.built(line), runDir.resolve("app"));
    // The file in the image is this machine's file (every pod runs here): local:///<path of the jar>.
    String app = "local://" + jar.toAbsolutePath();
    try (LocalCluster cluster = LocalCluster.start(NS, line, runDir)) {
      Cli.Result up = cli(cluster, "up", "--spark", line, "--backend", "standalone", "--timeout", "PT8M",
          "--set", "spark.jobs.enabled=true", "--set", "spark.standalone.worker.replicas=1",
          "--set", "spark.standalone.worker.cores=3", "--set", "spark.standalone.worker.memory=3g",
          "--set", "spark.executor.instances=1", "--set", "spark.executor.memory=512m",
          "--set", "spark.driver.memory=512m");
      assertThat(up.exitCode()).as(up.toString()).isZero();

      Cli.Result pi = cli(cluster, "jobs", "submit", "--name", "pi", "--class", KnownAnswerJar.MAIN_CLASS, "--wait",
          app, "20000");

      assertThat(pi.exitCode()).as(pi.toString()).isZero();
      assertThat(pi.out()).containsPattern("(?m)^pi +SUCCEEDED +job/Complete");
      Cli.Result piLog = cli(cluster, "jobs", "logs", "pi");
      assertThat(piLog.exitCode()).as(piLog.toString()).isZero();
      assertThat(piLog.out()).as("spark-submit's output through submit.sh").containsPattern(DRIVER_ID)
          .containsPattern("State of driver driver-\\d+-\\d+ is FINISHED");

      Cli.Result failing = cli(cluster, "jobs", "submit", "--name", "failing", "--class", KnownAnswerJar.MAIN_CLASS,
          "--wait", app, "fail");

      assertThat(failing.exitCode()).as(failing.toString()).isEqualTo(1);
      assertThat(failing.out()).containsPattern("(?m)^failing +FAILED +job/Failed +BackoffLimitExceeded");
      Cli.Result failingLog = cli(cluster, "jobs", "logs", "failing");
      assertThat(failingLog.out()).as(failingLog.toString())
          .containsPattern("spark-k8s: driver driver-\\d+-\\d+ ended FAILED");
      assertThat(exitCode(cluster, "failing")).isEqualTo(1);

      Cli.Result submitted = cli(cluster, "jobs", "submit", "--name", "long", "--class", KnownAnswerJar.MAIN_CLASS,
          app, "1000", "600");
      assertThat(submitted.exitCode()).as(submitted.toString()).isZero();
      String masterUi = "http://" + cluster.address(RELEASE, Component.MASTER, PortNames.WEB_UI, READY);
      String pod = Poll.every(Duration.ofMillis(200), READY).until(() -> cluster.client().pods().inNamespace(NS)
              .withLabel("job-name", "long").list().getItems().stream().findFirst())
          .orElseThrow(() -> new AssertionError("the Job controller created no pod: " + cluster.podSummary()))
          .getMetadata().getName();
      String driver = Poll.every(Duration.ofSeconds(2), READY)
          .until(() -> cluster.kubelet().log(pod).map(DRIVER_ID::matcher).filter(Matcher::find).map(m -> m.group(1)))
          .orElseThrow(() -> new AssertionError("no driver submitted: " + cluster.kubelet().log(pod)));
      assertThat(Poll.every(Duration.ofSeconds(2), READY).until(() -> driverState(masterUi, driver).equals("RUNNING")))
          .as("the driver runs on the worker").isTrue();
      Cli.Result running = cli(cluster, "jobs", "status", "long");
      assertThat(running.out()).as(running.toString()).containsPattern("(?m)^long +RUNNING");

      Cli.Result kill = cli(cluster, "jobs", "kill", "long");

      assertThat(kill.exitCode()).as(kill.toString()).isZero();
      assertThat(kill.out()).contains("killed long");
      Cli.Result killed = cli(cluster, "jobs", "status", "long");
      if (killed.exitCode() == 0) {
        assertThat(killed.out()).containsPattern("(?m)^long +KILLED +job/Terminating");
      } else {
        assertThat(killed.err()).as("already deleted: its pod had stopped").contains("long");
      }
      assertThat(Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(2))
          .until(() -> cluster.client().batch().v1().jobs().inNamespace(NS).withName("long").get() == null))
          .as("the Job deleted once its pod stopped (foreground)").isTrue();
      assertThat(cluster.kubelet().log(pod)).get(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .contains("spark-k8s: stopping: killing driver " + driver);
      assertThat(driverState(masterUi, driver)).isEqualTo("KILLED");

      Cli.Result down = cli(cluster, "down");

      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(3)).until(() ->
              cluster.client().pods().inNamespace(NS).list().getItems().stream()
                  .allMatch(p -> p.getMetadata().getLabels().containsKey("job-name"))
                  && cluster.kubelet().runningWorkloadPods().isEmpty()))
          .as("no pod of the release left but the ended jobs': %s", cluster.podSummary()).isTrue();
    }
  }

  /** The exit code the kubelet reported for the (ended) pod of a job. */
  private static int exitCode(LocalCluster cluster, String job) {
    Pod pod = cluster.client().pods().inNamespace(NS).withLabel("job-name", job).list().getItems().get(0);
    return pod.getStatus().getContainerStatuses().get(0).getState().getTerminated().getExitCode();
  }

  /** The driver's state as the master's JSON lists it, {@code (not listed)} else. */
  private static String driverState(String masterUi, String driverId) {
    JsonNode json = MasterJson.of(masterUi);
    if (json == null) {
      return "(no answer)";
    }
    List<JsonNode> drivers = new ArrayList<>();
    Stream.of("activedrivers", "completeddrivers").forEach(k -> json.path(k).forEach(drivers::add));
    return drivers.stream().filter(d -> d.path("id").asText().equals(driverId)).map(d -> d.path("state").asText())
        .findFirst().orElse("(not listed)");
  }

  private static Cli.Result cli(LocalCluster cluster, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    int at = args[0].equals("jobs") ? 2 : 1;
    all.addAll(at, List.of("--kubeconfig", cluster.kubeconfig().toString()));
    return Cli.run(all.toArray(String[]::new));
  }
}
