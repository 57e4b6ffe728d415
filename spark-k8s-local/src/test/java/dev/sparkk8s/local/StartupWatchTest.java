package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process that dies while the platform starts is named, with its exit code and its log's last lines. */
class StartupWatchTest {

  @Test
  void aWorkerThatDiesDuringStartIsReportedWithItsLog(@TempDir Path runDir) throws Exception {
    var container = new ContainerBuilder().withName(ContainerNames.WORKER).build();
    var pod = new PodTemplateSpecBuilder().withNewMetadata().addToLabels(ChartLabels.COMPONENT, Component.WORKER.label())
        .endMetadata().withNewSpec().withContainers(container).endSpec().build();
    ChartContainer worker = new ChartContainer(Component.WORKER, "worker-1", pod, container);
    Path log = runDir.resolve("worker-1.log");
    Process dying = new ProcessBuilder("sh", "-c", "echo starting; echo 'ERROR Worker: Failed to bind'; exit 3")
        .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(new File("/dev/null")).start();
    ProcessPlan plan = new ProcessPlan(worker, "worker-1", new LaunchWrapper(List.of(), List.of()),
        new ImageEntrypoint.SparkClass(List.of()), Map.of(), runDir, log);
    LocalAddresses addresses = new LocalAddresses(List.of(worker), List.of(), "default", runDir, LocalPorts.preferringContainerPorts(), Map.of(),
        Map.of());
    LocalState state = new LocalState("4.1", runDir, Instant.now(), "sc://127.0.0.1:1", "spark://127.0.0.1:1",
        "http://127.0.0.1:1", "http://127.0.0.1:1", List.of(), runDir, null);
    List<String> progress = new ArrayList<>();

    assertThatThrownBy(() -> new StartupWatch(List.of(new StartedProcess(plan, dying)), addresses, progress::add,
        Instant.now()).awaitReady(Duration.ofSeconds(30), state))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageStartingWith("worker-1 exited with code 3 while starting")
        .hasMessageContaining("ERROR Worker: Failed to bind");
  }
}
