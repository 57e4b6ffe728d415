package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The local kubelet's container metrics: each running pod's CPU time, its exited children's included, over HTTP. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class KubeletMetricsTest {

  private static final String WORKER_LINE = "container_cpu_usage_seconds_total{container=\"" + ContainerNames.WORKER
      + "\",namespace=\"default\",pod=\"worker-1\"} ";
  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void ticksAreTheProcessesOwnAndItsReapedChildrensUserAndSystemTime() {
    String stat = "4242 (java (exec) x) S 1 4242 4242 0 -1 4194560 100 0 0 0 250 50 7 3 20 0 30 0 900 1 2";

    assertThat(ContainerCpu.ticks(stat)).isEqualTo(250 + 50 + 7 + 3);
  }

  @Test
  void aPodsCpuTimeKeepsWhatItsExitedChildrenUsed(@TempDir Path runDir) throws Exception {
    // A child that burns CPU and exits, then a shell that only waits: its figure is the child's time.
    Process pod = start("sh -c 'i=0; while [ $i -lt 300000 ]; do i=$((i+1)); done'; exec sleep 60");
    write(runDir, pod);
    KubeletMetrics metrics = new KubeletMetrics(runDir, containers());

    assertThat(Poll.every(Duration.ofMillis(100), Duration.ofSeconds(60))
        .until(() -> pod.descendants().allMatch(h -> h.info().command().orElse("").endsWith("sleep"))
            && cpu(metrics.text()) > 0.1)).as("CPU time of the exited child, in " + metrics.text()).isTrue();
  }

  @Test
  void aSidecarCountsAsItsPodsContainerOfItsOwnName(@TempDir Path runDir) throws Exception {
    Process proxy = start("exec sleep 60");
    new LocalState("4.1", runDir, Instant.now(), null, null, null, null,
        List.of(new LocalProcess("connect/connect-proxy", Component.CONNECT, proxy.pid(), Map.of(), null,
            runDir.resolve("p.log"))), runDir, null, null, null).write();

    assertThat(new KubeletMetrics(runDir, containers()).text())
        .contains("container_cpu_usage_seconds_total{container=\"connect-proxy\",namespace=\"default\",pod=\"connect\"} ");
  }

  @Test
  void itsServerAnswersAsTheKubeletsCadvisorEndpoint(@TempDir Path runDir) throws Exception {
    Process pod = start("exec sleep 60");
    write(runDir, pod);
    LocalProcess server = LocalKubeletMetrics.start(runDir, LocalPorts.ephemeral().any(), "default",
        List.of(new ChartContainer(Component.WORKER, "worker-1", new PodTemplateSpecBuilder().build(),
            new ContainerBuilder().withName(ContainerNames.WORKER).build())));
    try {
      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.url())).build(),
          HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("# TYPE container_cpu_usage_seconds_total counter", WORKER_LINE);
      assertThat(LocalKubeletMetrics.scrapeJob(server).targets()).singleElement()
          .satisfies(t -> assertThat(t.address()).isEqualTo("127.0.0.1:" + server.ports().get("metrics")));
    } finally {
      ProcessStopper.stop(List.of(server.handle().orElseThrow()), Duration.ofSeconds(5));
    }
  }

  private Process start(String script) throws Exception {
    Process p = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null")).start();
    started.add(p);
    return p;
  }

  private static LocalKubeletMetrics.Containers containers() {
    return new LocalKubeletMetrics.Containers("default", Map.of("worker-1", ContainerNames.WORKER));
  }

  private static void write(Path runDir, Process pod) {
    new LocalState("4.1", runDir, Instant.now(), null, null, null, null,
        List.of(new LocalProcess("worker-1", Component.WORKER, pod.pid(), Map.of(), null, runDir.resolve("w.log"))),
        runDir, null, null, null).write();
  }

  private static double cpu(String text) {
    Matcher m = Pattern.compile(Pattern.quote(WORKER_LINE) + "([0-9.]+)").matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : -1;
  }
}
