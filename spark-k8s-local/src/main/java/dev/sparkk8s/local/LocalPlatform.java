package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * {@code spark-k8s up --local}: the chart's Standalone master, workers, History Server and Connect
 * server as processes on this machine, started from what the chart rendered.
 */
public final class LocalPlatform {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);

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
    RenderedRelease release = LocalChart.render(options);
    List<ChartContainer> containers = ChartContainer.of(release);
    MemoryBudget.check(containers);
    resetRunDir(runDir);

    Map<Integer, String> exact = options.connectPort() == null ? Map.of()
        : Map.of(options.connectPort(), "--connect-port");
    LocalAddresses addresses = new LocalAddresses(containers, release.objects(Service.class), "default", runDir,
        new LocalPorts(), exact);
    ProcessPlanner planner = new ProcessPlanner(release, addresses, home);
    List<ProcessPlan> plans = containers.stream().map(planner::plan).toList();

    progress.accept("Starting Spark " + options.sparkVersion() + " from " + home.dir() + ": "
        + String.join(", ", plans.stream().map(ProcessPlan::instance).toList()));
    List<StartedProcess> started = startAll(plans, home, runDir);
    LocalState state = state(options, runDir, start, addresses, started);
    state.write();
    try {
      new StartupWatch(started, addresses, progress, start).awaitReady(START_TIMEOUT, state);
    } catch (RuntimeException e) {
      progress.accept("Start failed; stopping what was started.");
      down(runDir);
      throw e;
    }
    return state;
  }

  /** Every recorded process and whether it answers its readiness check. */
  public static List<LocalProcessStatus> status(Path runDir) {
    LocalState state = LocalState.read(runDir.toAbsolutePath())
        .orElseThrow(() -> new LocalRuntimeException("no local platform at " + runDir + "; start one with: spark-k8s up --local"));
    return state.processes().stream().map(LocalProcessStatus::of).toList();
  }

  /** Stops every process of the run, their children (executors) included. Returns how many were stopped. */
  public static int down(Path runDir) {
    Path dir = runDir.toAbsolutePath();
    int stopped = LocalState.read(dir).map(state -> ProcessStopper.stop(state.processes(), dir)).orElse(0);
    try {
      Files.deleteIfExists(LocalState.file(dir));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot delete " + LocalState.file(dir) + ": " + e.getMessage(), e);
    }
    return stopped;
  }

  private static List<StartedProcess> startAll(List<ProcessPlan> plans, SparkHome home, Path runDir) {
    // Spark's launcher is a JVM start per process: ask it for all of them at once.
    List<CompletableFuture<StartedProcess>> futures = plans.stream()
        .map(plan -> CompletableFuture.supplyAsync(() -> StartedProcess.start(plan, home, runDir))).toList();
    List<StartedProcess> started = new ArrayList<>();
    try {
      for (CompletableFuture<StartedProcess> f : futures) {
        started.add(f.join());
      }
      return started;
    } catch (java.util.concurrent.CompletionException e) {
      futures.forEach(f -> f.thenAccept(p -> p.process().destroyForcibly()));
      throw e.getCause() instanceof RuntimeException r ? r : e;
    }
  }

  private static LocalState state(LocalOptions options, Path runDir, Instant start, LocalAddresses addresses,
      List<StartedProcess> started) {
    List<LocalProcess> processes = new ArrayList<>();
    String connect = null;
    String master = null;
    String masterWeb = null;
    String history = null;
    for (StartedProcess p : started) {
      ChartContainer c = p.plan().container();
      Map<String, Integer> ports = new LinkedHashMap<>();
      c.container().getPorts().forEach(port -> ports.put(port.getName(), addresses.port(c, port.getContainerPort())));
      String url = switch (c.role()) {
        case "connect" -> connect = "sc://" + LocalAddresses.LOOPBACK + ":" + ports.get("grpc");
        case "master" -> {
          master = "spark://" + LocalAddresses.LOOPBACK + ":" + ports.get("rpc");
          yield masterWeb = "http://" + LocalAddresses.LOOPBACK + ":" + ports.get("web-ui");
        }
        case "history" -> history = "http://" + LocalAddresses.LOOPBACK + ":" + ports.get("http");
        default -> ports.containsKey("web-ui") ? "http://" + LocalAddresses.LOOPBACK + ":" + ports.get("web-ui") : null;
      };
      processes.add(new LocalProcess(p.plan().instance(), c.role(), p.process().pid(), ports, url, p.plan().log()));
    }
    return new LocalState(options.sparkVersion(), runDir, start, connect, master, masterWeb, history, processes);
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
