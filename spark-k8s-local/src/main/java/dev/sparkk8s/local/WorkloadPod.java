package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.List;

/** A pod {@link WorkloadPods} started: its container's process, its sidecars', and its readiness probes. */
public final class WorkloadPod {

  private final String instance;
  private final List<StartedProcess> started;
  private final LocalAddresses addresses;

  WorkloadPod(String instance, List<StartedProcess> started, LocalAddresses addresses) {
    this.instance = instance;
    this.started = List.copyOf(started);
    this.addresses = addresses;
  }

  /** The workload instance the pod stands for ({@code connect}, {@code worker-1}, ...). */
  public String instance() {
    return instance;
  }

  /** The pod's (first) container's process. */
  public Process process() {
    return started.get(0).process();
  }

  /** Every process of the pod, its container's first. */
  public List<ProcessHandle> processes() {
    return started.stream().map(p -> p.process().toHandle()).toList();
  }

  /** The container's log. */
  public Path log() {
    return started.get(0).plan().log();
  }

  /** One look: every container's readiness probe passes (a container without one is ready once it runs). */
  public boolean ready() {
    return started.stream().allMatch(p -> p.process().isAlive() && Readiness.probe(p.plan(), addresses));
  }
}
