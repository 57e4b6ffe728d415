package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.ops.ClusterModeSubmitter;
import dev.sparkk8s.jobs.ops.JobCatalog;
import dev.sparkk8s.jobs.ops.JobGlob;
import dev.sparkk8s.jobs.ops.JobKiller;
import dev.sparkk8s.jobs.ops.JobLogs;
import dev.sparkk8s.jobs.ops.JobProfiles;
import dev.sparkk8s.jobs.ops.JobWaiter;
import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Batch jobs on the kubernetes backend, on the mock API and the local kubelet: Spark's own submission client in
 * cluster mode creates the driver pod from the release's job profile, the kubelet runs it and the executor pods it
 * creates, and the job's state, log and kill are the CLI's.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KubernetesJobsIT {

  private static final String NS = "spark-jobs";

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void aKnownAnswerJobRunsToSucceededWithItsAnswerInTheDriverLog(String version, @TempDir Path dir)
      throws IOException {
    SparkHome home = SparkHome.built(version);
    Path jar = KnownAnswerJar.build(home, dir.resolve("app"));
    try (MockKubernetesApi api = new MockKubernetesApi();
         LocalKubelet kubelet = new LocalKubelet(api.client(), NS, home, dir.resolve("run")).start()) {
      JobCatalog catalog = install(api, version);
      String id = submitter(api, catalog, home, dir).submit(pi(api, "pi", jar, "20000"));
      api.podLog(NS, id, () -> log(dir, id));

      Job ended = new JobWaiter(catalog, Duration.ofSeconds(1)).await(id, Duration.ofMinutes(4), job -> { });
      assertThat(ended.status().state()).as(ended + "\n" + log(dir, id)).isEqualTo(JobState.SUCCEEDED);
      assertThat(ended.status().detail()).isEqualTo("exit code 0 (Completed)");
      assertThat(kubelet.startedPods()).as("the driver and its executors ran as pods")
          .anySatisfy(p -> assertThat(p.getMetadata().getLabels()).containsEntry("spark-role", "executor"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      new JobLogs(catalog).write(id, OptionalInt.empty(), false, out);
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("Pi is roughly 3.1415");
    }
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void killByGlobStopsTwoOfThreeRunningJobsAndAFailedDriverEndsFailedWithItsExitCode(String version,
      @TempDir Path dir) throws IOException {
    SparkHome home = SparkHome.built(version);
    Path jar = KnownAnswerJar.build(home, dir.resolve("app"));
    try (MockKubernetesApi api = new MockKubernetesApi();
         LocalKubelet kubelet = new LocalKubelet(api.client(), NS, home, dir.resolve("run")).start()) {
      JobCatalog catalog = install(api, version);
      ClusterModeSubmitter submitter = submitter(api, catalog, home, dir);
      for (String id : List.of("nightly-a", "nightly-b", "weekly-c")) {
        submitter.submit(pi(api, id, jar, "1000", "600"));
      }
      Waits.until("three running jobs", Duration.ofMinutes(3), () -> catalog.list().stream()
          .filter(j -> j.status().state() == JobState.RUNNING).count() == 3);

      assertThat(new JobKiller(catalog).kill(new JobGlob("nightly-*"))).containsExactly("nightly-a", "nightly-b");
      JobWaiter waiter = new JobWaiter(catalog, Duration.ofSeconds(1));
      for (String id : List.of("nightly-a", "nightly-b")) {
        assertThat(waiter.await(id, Duration.ofMinutes(2), job -> { }).status().state()).as(id)
            .isEqualTo(JobState.KILLED);
      }
      Waits.until("the killed drivers stopped and deleted", Duration.ofMinutes(2), () -> catalog.list().size() == 1);
      assertThat(catalog.get("weekly-c").status().state()).isEqualTo(JobState.RUNNING);

      String failing = submitter.submit(pi(api, "broken", jar, "fail"));
      Job failed = waiter.await(failing, Duration.ofMinutes(3), job -> { });
      assertThat(failed.status().state()).isEqualTo(JobState.FAILED);
      assertThat(failed.status().detail()).startsWith("exit code 3");
      new JobKiller(catalog).kill(new JobGlob("weekly-c"));
    }
  }

  /** PiJob as a user submits it; the API server the driver reaches is the mock's, not the in-cluster address. */
  private static JobRequest pi(MockKubernetesApi api, String name, Path jar, String... args) {
    return new JobRequest(name, Optional.of(KnownAnswerJar.MAIN_CLASS), "local://" + jar.toAbsolutePath(),
        List.of(args), Map.of("spark.kubernetes.driver.master", api.url()));
  }

  /** The release applied as helm install would (the job profile, the ServiceAccount, the driver's Role). */
  private static JobCatalog install(MockKubernetesApi api, String version) {
    RenderRequest request = RenderRequest.builder().namespace(NS).setArgument("spark.version=" + version)
        .setArgument("spark.jobs.enabled=true").setArgument("spark.connect.enabled=false")
        .setArgument("spark.standalone.enabled=false").setArgument("spark.executor.instances=1")
        .setArgument("spark.executor.memory=512m").setArgument("spark.driver.memory=512m").build();
    for (HasMetadata o : new ChartRenderer(Charts.chartDir()).render(request).objects()) {
      api.client().resource(o).inNamespace(NS).create();
    }
    return new JobCatalog(api.client(), NS, JobProfiles.read(api.client(), NS, "spark"));
  }

  private static ClusterModeSubmitter submitter(MockKubernetesApi api, JobCatalog catalog, SparkHome home, Path dir)
      throws IOException {
    Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), NS);
    return new ClusterModeSubmitter(catalog, home, api.url(), Map.of("KUBECONFIG", kubeconfig.toString()),
        Optional.empty(), dir.resolve("submissions"));
  }

  /** The driver container's log as the local kubelet keeps it. */
  private static String log(Path dir, String pod) {
    Path log = dir.resolve("run/instances/" + pod + "/" + pod + ".log");
    try {
      return Files.isRegularFile(log) ? Files.readString(log) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
