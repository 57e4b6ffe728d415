package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process that dies while the platform starts is named, with its exit code and its log's last lines; so is
 * one that is still not ready when the time is up.
 */
class StartupWatchTest {

  private final List<Process> started = new ArrayList<>();

  @AfterEach
  void stop() {
    started.forEach(Process::destroyForcibly);
  }

  @Test
  void aWorkerThatDiesDuringStartIsReportedWithItsLog(@TempDir Path runDir) throws Exception {
    ChartContainer worker = worker(new ContainerBuilder().withName(ContainerNames.WORKER).build());
    StartedProcess dying = start(worker, runDir, "echo starting; echo 'ERROR Worker: Failed to bind'; exit 3");

    assertThatThrownBy(() -> watch(worker, dying, runDir).awaitReady(Duration.ofSeconds(30), state(runDir)))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageStartingWith("worker-1 exited with code 3 while starting")
        .hasMessageContaining("ERROR Worker: Failed to bind");
  }

  @Test
  void aWorkerThatIsNotReadyInTimeIsReportedWithItsLog(@TempDir Path runDir) throws Exception {
    // Its readiness probe asks a port nothing listens on.
    ChartContainer worker = worker(new ContainerBuilder().withName(ContainerNames.WORKER)
        .addNewPort().withName("web").withContainerPort(48081).endPort()
        .withNewReadinessProbe().withNewTcpSocket().withNewPort(48081).endTcpSocket().endReadinessProbe().build());
    StartedProcess hanging = start(worker, runDir, "echo starting; echo 'WARN Worker: Retrying connection to master'; "
        + "exec sleep 60");

    assertThatThrownBy(() -> watch(worker, hanging, runDir).awaitReady(Duration.ofSeconds(2), state(runDir)))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageStartingWith("the platform did not come up within 2s; still waiting for: worker-1, workers registered")
        .hasMessageContaining("worker-1 (not ready), the last lines of " + runDir.resolve("worker-1.log") + ":\n"
            + "starting\nWARN Worker: Retrying connection to master");
  }

  @Test
  void theConnectServersOwnProbeWaitsForTheFirstAnswerItsProxyDoesNot(@TempDir Path runDir) {
    Container server = new ContainerBuilder().withName(ContainerNames.CONNECT).build();
    Container proxy = new ContainerBuilder().withName(ContainerNames.CONNECT_PROXY).build();
    var pod = new PodTemplateSpecBuilder().withNewMetadata().addToLabels(ChartLabels.COMPONENT, Component.CONNECT.label())
        .endMetadata().withNewSpec().withContainers(server, proxy).endSpec().build();
    List<Container> built = pod.getSpec().getContainers();
    StartedProcess connect = planned(new ChartContainer(Component.CONNECT, "connect", pod, built.get(0)), runDir);
    StartedProcess tlsProxy = planned(new ChartContainer(Component.CONNECT, "connect", pod, built.get(1)), runDir);
    StartedProcess worker = planned(worker(new ContainerBuilder().withName(ContainerNames.WORKER).build()), runDir);

    assertThat(StartupWatch.probeAfterFirstAnswer(connect, Set.of("connect", "first query"))).isTrue();
    assertThat(StartupWatch.probeAfterFirstAnswer(connect, Set.of("connect"))).isFalse();
    assertThat(StartupWatch.probeAfterFirstAnswer(tlsProxy, Set.of("connect", "first query"))).isFalse();
    assertThat(StartupWatch.probeAfterFirstAnswer(worker, Set.of("worker-1", "first query"))).isFalse();
  }

  private static StartedProcess planned(ChartContainer c, Path runDir) {
    ProcessPlan plan = new ProcessPlan(c, c.instance(), new LaunchWrapper(List.of(), List.of()),
        new ImageEntrypoint.SparkClass(List.of()), Map.of(), runDir, runDir.resolve(c.instance() + ".log"));
    return new StartedProcess(plan, null);
  }

  private static ChartContainer worker(Container container) {
    var pod = new PodTemplateSpecBuilder().withNewMetadata().addToLabels(ChartLabels.COMPONENT, Component.WORKER.label())
        .endMetadata().withNewSpec().withContainers(container).endSpec().build();
    return new ChartContainer(Component.WORKER, "worker-1", pod, container);
  }

  private StartedProcess start(ChartContainer worker, Path runDir, String script) throws Exception {
    Path log = runDir.resolve("worker-1.log");
    Process process = new ProcessBuilder("sh", "-c", script)
        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
    started.add(process);
    ProcessPlan plan = new ProcessPlan(worker, "worker-1", new LaunchWrapper(List.of(), List.of()),
        new ImageEntrypoint.SparkClass(List.of()), Map.of(), runDir, log);
    return new StartedProcess(plan, process);
  }

  private static StartupWatch watch(ChartContainer worker, StartedProcess process, Path runDir) {
    LocalAddresses addresses = new LocalAddresses(List.of(worker), List.of(), "default", runDir,
        LocalPorts.preferringContainerPorts(), Map.of(), Map.of());
    List<String> progress = new ArrayList<>();
    return new StartupWatch(List.of(process), addresses, progress::add, Instant.now());
  }

  private static LocalState state(Path runDir) {
    return new LocalState("4.1", runDir, Instant.now(), "sc://127.0.0.1:1", "spark://127.0.0.1:1",
        "http://127.0.0.1:1", "http://127.0.0.1:1", List.of(), runDir, null, null, null);
  }
}
