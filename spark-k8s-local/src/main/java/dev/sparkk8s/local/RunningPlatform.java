package dev.sparkk8s.local;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A local platform that is up, as its run directory records it: the release {@code up} rendered,
 * the local port of every container port, the Spark home. It restarts one process as a kubelet
 * restarts a container (same manifests, ports and volumes) and runs a process's readiness probe.
 */
public final class RunningPlatform {

  private static final Duration RESTART_TIMEOUT = Duration.ofMinutes(2);
  private static final Duration READY_POLL = Duration.ofMillis(500);

  private LocalState state;
  private final RenderedRelease release;
  private final SparkHome home;
  private final List<ChartContainer> containers;
  private final LocalAddresses addresses;
  private final Map<String, ProcessPlan> plans = new HashMap<>();

  private RunningPlatform(LocalState state, RenderedRelease release) {
    this.state = state;
    this.release = release;
    this.home = new SparkHome(state.sparkVersion(), state.sparkHome());
    this.containers = ChartContainer.of(release);
    this.addresses = new LocalAddresses(containers, release.objects(Service.class), LocalPlatform.NAMESPACE,
        state.runDir(), localPorts(containers, state), Map.of());
  }

  public static RunningPlatform at(Path runDir) {
    Path dir = runDir.toAbsolutePath();
    LocalState state = LocalState.read(dir)
        .orElseThrow(() -> new LocalRuntimeException("no local platform at " + dir + "; start one with: spark-k8s up --local"));
    Path file = dir.resolve(LocalState.RELEASE_FILE);
    try {
      return new RunningPlatform(state, RenderedRelease.parse(Files.readString(file)));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot read " + file + ", the release the platform was started from: "
          + e.getMessage(), e);
    }
  }

  public LocalState state() {
    return state;
  }

  /** The release {@code up} rendered and runs. */
  public RenderedRelease release() {
    return release;
  }

  public SparkHome home() {
    return home;
  }

  /** The instances of a component the platform runs ({@code worker}, {@code worker-1}, ...), sidecars left out. */
  public List<String> instances(Component component) {
    return state.processes().stream().filter(p -> p.component() == component && !p.sidecar()).map(LocalProcess::name)
        .toList();
  }

  /**
   * An instance's container environment as its process got it: the release's values, Secrets (the run's own, such
   * as the authentication secret) and the downward API answered here, addresses made local.
   */
  public Map<String, String> environment(String instance) {
    ChartContainer c = container(instance);
    return ContainerEnv.resolve(c, LocalPlatform.NAMESPACE, LocalPlatform.podObjects(release, state.runDir()),
        home.env(), value -> addresses.text(c, value));
  }

  /**
   * Spark configuration of the release made local as the instance's spark-defaults.conf is: Service addresses,
   * ports and the paths the instance mounts.
   */
  public Map<String, String> localConf(String instance, Map<String, String> conf) {
    ChartContainer c = container(instance);
    Map<String, String> local = new LinkedHashMap<>();
    conf.forEach((key, value) -> local.put(key, addresses.confValue(c, key, value)));
    return local;
  }

  /**
   * Stops the process (and its children) if it still runs, within its pod's terminationGracePeriodSeconds as a
   * kubelet does (the Connect server uploads its event log on the way out), starts it again as it was started, and
   * returns once it passes its readiness probe. Its volumes stay, emptyDirs included: a container
   * restart keeps its pod.
   */
  public LocalProcess restart(String instance) {
    LocalProcess old = process(instance);
    ProcessStopper.stop(List.of(old), state.runDir(), container(instance).terminationGrace());
    StartedProcess started = runner().start(plan(instance));
    LocalProcess restarted = new LocalProcess(old.name(), old.component(), started.process().pid(), old.ports(), old.url(),
        old.log());
    state = state.with(restarted);
    state.write();
    awaitReady(started);
    return restarted;
  }

  /** Whether the process passes its readiness probe now. */
  public boolean ready(String instance) {
    return Readiness.probe(plan(instance), addresses);
  }

  /** The local directory standing for a path the chart mounts in this instance (an emptyDir, a claim). */
  public Path mountedDir(String instance, String mountPath) {
    Path dir = addresses.mounts(container(instance)).get(mountPath);
    if (dir == null) {
      throw new LocalRuntimeException(instance + " mounts nothing at " + mountPath);
    }
    return dir;
  }

  private void awaitReady(StartedProcess started) {
    ProcessPlan plan = started.plan();
    boolean ready = Poll.every(READY_POLL, RESTART_TIMEOUT).until(() -> {
      if (Thread.currentThread().isInterrupted()) {
        throw new LocalRuntimeException("interrupted while restarting " + plan.instance());
      }
      if (!started.process().isAlive()) {
        throw new LocalRuntimeException(plan.instance() + " exited with code " + started.process().exitValue()
            + " after a restart; the last lines of " + plan.log() + ":\n" + LogTail.of(plan.log(), 15));
      }
      return Readiness.probe(plan, addresses);
    });
    if (!ready) {
      throw new LocalRuntimeException(plan.instance() + " is not ready " + RESTART_TIMEOUT.toSeconds()
          + "s after a restart; the last lines of " + plan.log() + ":\n" + LogTail.of(plan.log(), 15));
    }
  }

  private PodRunner runner() {
    return new PodRunner(home, ClassDataArchive.of(home), state.runDir());
  }

  /**
   * The instance's plan as it was started: same manifests, ports and volumes. Planning writes the
   * ConfigMap and Secret files of its volumes, so it happens once per instance, not once per probe.
   */
  private ProcessPlan plan(String instance) {
    return plans.computeIfAbsent(instance,
        i -> runner().plan(container(i), LocalPlatform.podObjects(release, state.runDir()), addresses));
  }

  private ChartContainer container(String instance) {
    return containers.stream().filter(c -> c.instance().equals(instance)).findFirst()
        .orElseThrow(() -> new LocalRuntimeException("the release has no process " + instance));
  }

  private LocalProcess process(String instance) {
    return state.processes().stream().filter(p -> p.name().equals(instance)).findFirst()
        .orElseThrow(() -> new LocalRuntimeException("the platform at " + state.runDir() + " ran no process " + instance));
  }

  /** Instance -> container port -> local port, from the named ports the run state recorded. */
  private static Map<String, Map<Integer, Integer>> localPorts(List<ChartContainer> containers, LocalState state) {
    Map<String, Map<Integer, Integer>> out = new HashMap<>();
    for (LocalProcess p : state.processes().stream().filter(p -> !p.sidecar()).toList()) {
      ChartContainer c = containers.stream().filter(x -> x.instance().equals(p.name())).findFirst()
          .orElseThrow(() -> new LocalRuntimeException("the rendered release has no process " + p.name()));
      Map<Integer, Integer> local = new LinkedHashMap<>();
      for (ContainerPort port : c.podPorts()) {
        local.put(port.getContainerPort(), p.ports().get(port.getName()));
      }
      out.put(p.name(), local);
    }
    return out;
  }
}
