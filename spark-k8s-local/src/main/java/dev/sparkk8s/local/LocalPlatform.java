package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * {@code spark-k8s up --local}: the chart's Standalone master, workers, History Server and Connect
 * server as processes on this machine, started from what the chart rendered; with monitoring, a Prometheus
 * server scraping them ({@link LocalPrometheus}).
 */
public final class LocalPlatform {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  /** The namespace the release is rendered for; Service names in it become local addresses. */
  static final String NAMESPACE = "default";

  private final Consumer<String> progress;

  public LocalPlatform(Consumer<String> progress) {
    this.progress = progress;
  }

  public LocalState up(LocalOptions options, SparkHome home) {
    Path runDir = options.runDir().toAbsolutePath();
    LocalState.read(runDir).filter(LocalState::anyAlive).ifPresent(running -> {
      throw new LocalInputException("a local platform is already up at " + running.connectUrl()
          + " (Spark " + running.sparkVersion() + "); stop it with: spark-k8s down --local");
    });
    Instant start = Instant.now();
    LocalPorts ports = LocalPorts.preferringContainerPorts();
    RenderedRelease release = LocalChart.render(options);
    List<ChartContainer> containers = ChartContainer.of(release);
    MemoryBudget.check(containers);
    Path prometheus = options.monitoring() ? LocalPrometheus.binary() : null;
    Map<Integer, String> exact = options.connectPort() == null ? Map.of()
        : Map.of(options.connectPort(), "--connect-port");
    // Everything the user asked for is checked before the archive, whose first making takes a while.
    exact.forEach((port, option) -> LocalPorts.preferringContainerPorts().exactly(port, option));
    ClassDataArchive archive = ClassDataArchive.of(home);
    archive.ensure(progress);
    resetRunDir(runDir);
    writeRelease(runDir, release);

    progress.accept("Starting Spark " + options.sparkVersion() + " from " + home.dir() + ": "
        + String.join(", ", containers.stream().map(ChartContainer::instance).toList()));
    RenderedProcesses processes = RenderedProcesses.startContainers(release, NAMESPACE, containers, home, archive, runDir,
        Map.of(), ports, exact);
    LocalState state = state(options, home, runDir, start, processes.records());
    state.write();
    try {
      if (prometheus != null) {
        state = state.withPrometheus(LocalPrometheus.start(prometheus,
            LocalPrometheus.jobs(release, containers, processes.addresses()), release, runDir,
            ports.near(LocalPrometheus.PREFERRED_PORT)));
        state.write();
      }
      new StartupWatch(processes.started(), processes.addresses(), progress, start).awaitReady(START_TIMEOUT, state);
    } catch (RuntimeException e) {
      progress.accept("Start failed; stopping what was started.");
      down(runDir);
      throw e;
    }
    return state;
  }

  /** Every recorded process (the Prometheus server's too) and whether it answers its readiness check. */
  public static List<LocalProcessStatus> status(Path runDir) {
    LocalState state = LocalState.read(runDir.toAbsolutePath())
        .orElseThrow(() -> new LocalRuntimeException("no local platform at " + runDir + "; start one with: spark-k8s up --local"));
    return state.allProcesses().stream().map(LocalProcessStatus::of).toList();
  }

  /** Stops every process of the run, their children (executors) included. Returns how many were stopped. */
  public static int down(Path runDir) {
    Path dir = runDir.toAbsolutePath();
    int stopped = LocalState.read(dir).map(state -> ProcessStopper.stop(state.allProcesses(), dir)).orElse(0);
    try {
      Files.deleteIfExists(LocalState.file(dir));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot delete " + LocalState.file(dir) + ": " + e.getMessage(), e);
    }
    return stopped;
  }

  /** The run state, with the URLs a person uses. */
  private static LocalState state(LocalOptions options, SparkHome home, Path runDir, Instant start,
      List<LocalProcess> records) {
    List<LocalProcess> processes = new ArrayList<>();
    Map<Component, String> urls = new EnumMap<>(Component.class);
    String masterRpc = null;
    for (LocalProcess p : records) {
      Map<String, Integer> ports = p.ports();
      String url = switch (p.component()) {
        case CONNECT -> "sc://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.GRPC);
        case HISTORY -> "http://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.HTTP);
        default -> ports.containsKey(PortNames.WEB_UI)
            ? "http://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.WEB_UI) : null;
      };
      urls.put(p.component(), url);
      if (p.component() == Component.MASTER) {
        masterRpc = "spark://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.RPC);
      }
      processes.add(new LocalProcess(p.name(), p.component(), p.pid(), ports, url, p.log()));
    }
    return new LocalState(options.sparkVersion(), runDir, start, urls.get(Component.CONNECT), masterRpc,
        urls.get(Component.MASTER), urls.get(Component.HISTORY), processes, home.dir().toAbsolutePath(), null);
  }

  /** What was rendered, so that a process can be restarted exactly as it was started ({@link RunningPlatform}). */
  private static void writeRelease(Path runDir, RenderedRelease release) {
    try {
      Files.writeString(runDir.resolve(LocalState.RELEASE_FILE), release.yaml());
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write the rendered release into " + runDir + ": " + e.getMessage(), e);
    }
  }

  private static void resetRunDir(Path runDir) {
    dev.sparkk8s.render.FileTrees.deleteQuietly(runDir.resolve("instances"));
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create the run directory " + runDir + ": " + e.getMessage(), e);
    }
  }
}
