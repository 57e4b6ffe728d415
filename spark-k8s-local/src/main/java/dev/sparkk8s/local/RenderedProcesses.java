package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Some of a rendered release's containers, started as local processes: addresses rewritten to
 * this machine, everything else as rendered. {@link LocalPlatform} starts the Standalone platform
 * with it; the Kubernetes harness starts the Connect server of the kubernetes backend.
 */
public final class RenderedProcesses {

  private final List<StartedProcess> started;
  private final LocalAddresses addresses;

  private RenderedProcesses(List<StartedProcess> started, LocalAddresses addresses) {
    this.started = started;
    this.addresses = addresses;
  }

  /**
   * Starts the containers of the given components (of {@link ChartContainer#PLATFORM}) in parallel,
   * on ephemeral local ports: such a platform may run next to others on this machine.
   *
   * @param endpoints   addresses outside the release, replaced as written (see {@link LocalAddresses})
   * @param exactPorts  container ports that must keep their number, with the option that asked for it
   */
  public static RenderedProcesses start(RenderedRelease release, String namespace, List<Component> components, SparkHome home,
      Path runDir, Map<String, String> endpoints, Map<Integer, String> exactPorts) {
    return start(release, PodObjects.of(release), namespace, components, home, runDir, endpoints, exactPorts);
  }

  /** @param objects what the pods' Secret and ConfigMap references resolve against */
  public static RenderedProcesses start(RenderedRelease release, PodObjects objects, String namespace,
      List<Component> components, SparkHome home, Path runDir, Map<String, String> endpoints,
      Map<Integer, String> exactPorts) {
    List<ChartContainer> containers = ChartContainer.of(release).stream().filter(c -> components.contains(c.component()))
        .toList();
    return startContainers(release, objects, namespace, containers, home, ClassDataArchive.of(home), runDir, endpoints,
        LocalPorts.ephemeral(), exactPorts);
  }

  /** Each pod's init containers run first (in its own thread), then its container starts. */
  static RenderedProcesses startContainers(RenderedRelease release, PodObjects objects, String namespace,
      List<ChartContainer> containers, SparkHome home, ClassDataArchive archive, Path runDir,
      Map<String, String> endpoints, LocalPorts ports, Map<Integer, String> exactPorts) {
    LocalAddresses addresses = new LocalAddresses(containers, release.objects(Service.class), namespace,
        runDir, ports, exactPorts, endpoints);
    PodRunner runner = new PodRunner(home, archive, runDir);
    List<ProcessPlan> plans = containers.stream().map(c -> runner.plan(c, objects, addresses)).toList();
    // Spark's launcher is a JVM start per process: ask it for all of them at once.
    List<CompletableFuture<List<StartedProcess>>> futures = plans.stream()
        .map(plan -> CompletableFuture.supplyAsync(() -> {
          runner.runInitContainers(plan.container(), objects, addresses);
          List<StartedProcess> pod = new ArrayList<>(List.of(runner.start(plan)));
          plan.container().sidecars().forEach(sidecar -> pod.add(runner.start(runner.plan(sidecar, objects, addresses))));
          return pod;
        })).toList();
    List<StartedProcess> started = new ArrayList<>();
    try {
      for (CompletableFuture<List<StartedProcess>> f : futures) {
        started.addAll(f.join());
      }
    } catch (CompletionException e) {
      // The others, once they have started (or failed to).
      List<ProcessHandle> begun = futures.stream().map(f -> f.handle((p, failure) -> p).join())
          .filter(Objects::nonNull).flatMap(List::stream).map(p -> p.process().toHandle()).toList();
      ProcessStopper.stop(begun, ProcessStopper.GRACE);
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
    return new RenderedProcesses(started, addresses);
  }

  List<StartedProcess> started() {
    return started;
  }

  LocalAddresses addresses() {
    return addresses;
  }

  /** The local port of a named container port of an instance ({@code connect}, {@code grpc}). */
  public int port(String instance, String portName) {
    return addresses.port(startedProcess(instance).plan().container(), portName);
  }

  /** The operating-system process of an instance. */
  public Process process(String instance) {
    return startedProcess(instance).process();
  }

  /** The log file of an instance. */
  public Path log(String instance) {
    return startedProcess(instance).plan().log();
  }

  /**
   * Every started process as a record for the run state: a pod's first container with the ports of the whole
   * pod, a sidecar as {@code <instance>/<container>} with its own.
   */
  public List<LocalProcess> records() {
    List<LocalProcess> out = new ArrayList<>();
    for (StartedProcess p : started) {
      ChartContainer c = p.plan().container();
      Map<String, Integer> ports = new LinkedHashMap<>();
      (c.secondary() ? c.container().getPorts() : c.podPorts())
          .forEach(port -> ports.put(port.getName(), addresses.port(c, port.getContainerPort())));
      out.add(new LocalProcess(p.plan().instance(), c.component(), p.process().pid(), ports, null, p.plan().log()));
    }
    return out;
  }

  private StartedProcess startedProcess(String instance) {
    return started.stream().filter(p -> p.plan().instance().equals(instance)).findFirst()
        .orElseThrow(() -> new LocalRuntimeException("no process " + instance));
  }
}
