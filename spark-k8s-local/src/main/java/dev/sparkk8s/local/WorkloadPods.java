package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Runs the pods a cluster's controllers create for a release's workloads (a Deployment's pod, a StatefulSet's
 * replicas), one at a time as a kubelet gets them, with the local runtime's own code ({@link PodRunner}: init
 * containers first, then the container, then the sidecars; addresses made local by {@link LocalAddresses}).
 *
 * <p>Every pod runs on 127.0.0.1, so each stands for its workload's instance as {@code up --local} names them
 * ({@code connect}, {@code master}, {@code worker-1}, {@code history}), found from the workloads in the API as
 * {@link ChartContainer#of(List)} finds them from a render. An instance's local ports are handed out once, for
 * every instance at the first start, and kept: a Service leads to its instance's ports whether its pod runs yet or
 * not (a worker may start before its master), and a pod that replaces another (a rollout, a new revision) listens
 * where the one before it did, as a restarted container does ({@link RunningPlatform}). Its directories are the
 * instance's too; the pod before it must be gone, which the Deployment's Recreate strategy and a StatefulSet's
 * replacement of a pod after the old one ensure.
 */
public final class WorkloadPods {

  private final Path runDir;
  private final Map<String, String> endpoints;
  private final LocalPorts localPorts = LocalPorts.ephemeral();
  private final Map<String, Map<Integer, Integer>> ports = new HashMap<>();
  private final Map<SparkHome, PodRunner> runners = new ConcurrentHashMap<>();

  /**
   * @param endpoints addresses outside the release and where they are here, replaced as written (e.g.
   *                  {@code https://kubernetes.default.svc} -> the API server's URL)
   */
  public WorkloadPods(Path runDir, Map<String, String> endpoints) {
    this.runDir = runDir;
    this.endpoints = Map.copyOf(endpoints);
  }

  /**
   * Starts a pod as its kubelet would, returning once its containers run (its init containers have ended); throws
   * {@link LocalRuntimeException} when one cannot start or an init container fails.
   *
   * @param workloads the namespace's Deployments and StatefulSets now
   * @param services  the namespace's Services now
   * @param objects   what the pod's Secret and ConfigMap references resolve against
   * @param home      the Spark home of the pod's image's line
   */
  public WorkloadPod start(Pod pod, List<? extends HasMetadata> workloads, List<Service> services, PodObjects objects,
      SparkHome home) {
    return start(pod, workloads, services, objects, home, instances -> instanceOf(pod, instances));
  }

  /**
   * Starts a pod that stands for no workload instance of the release (a Job's pod: a standalone-backend job's
   * submission) as its own instance, named after the pod, with the release's addresses: its Services lead to the
   * instances' local ports as they do for the workloads' pods. As {@link #start} otherwise.
   */
  public WorkloadPod startAlone(Pod pod, List<? extends HasMetadata> workloads, List<Service> services,
      PodObjects objects, SparkHome home) {
    return start(pod, workloads, services, objects, home, instances -> ChartContainer.of(pod));
  }

  private WorkloadPod start(Pod pod, List<? extends HasMetadata> workloads, List<Service> services, PodObjects objects,
      SparkHome home, Function<List<ChartContainer>, ChartContainer> instance) {
    ChartContainer c;
    LocalAddresses addresses;
    synchronized (this) {
      List<ChartContainer> instances = new ArrayList<>(ChartContainer.of(workloads));
      c = instance.apply(instances);
      if (instances.stream().anyMatch(other -> other.instance().equals(c.instance()))) {
        instances.replaceAll(other -> other.instance().equals(c.instance()) ? c : other);
      } else {
        instances.add(c);
      }
      instances.forEach(this::handOutPorts);
      addresses = new LocalAddresses(instances, services, pod.getMetadata().getNamespace(), runDir, copyOfPorts(),
          endpoints);
    }
    PodRunner runner = runners.computeIfAbsent(home, h -> new PodRunner(h, runDir));
    runner.runInitContainers(c, objects, addresses);
    List<StartedProcess> started = new ArrayList<>(List.of(runner.start(runner.plan(c, objects, addresses))));
    try {
      c.sidecars().forEach(sidecar -> started.add(runner.start(runner.plan(sidecar, objects, addresses))));
    } catch (LocalRuntimeException e) {
      ProcessStopper.stop(started.stream().map(p -> p.process().toHandle()).toList(), ProcessStopper.GRACE);
      throw e;
    }
    return new WorkloadPod(c.instance(), started, addresses);
  }

  /** The local port a container port of an instance was given, e.g. for a port-forward to the pod. */
  public synchronized int port(String instance, int containerPort) {
    Integer port = ports.getOrDefault(instance, Map.of()).get(containerPort);
    if (port == null) {
      throw new LocalRuntimeException(instance + " declares no container port " + containerPort);
    }
    return port;
  }

  /** The workload instance this pod stands for: its template's labels, its ordinal among a StatefulSet's replicas. */
  private static ChartContainer instanceOf(Pod pod, List<ChartContainer> instances) {
    Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
    List<ChartContainer> candidates = instances.stream()
        .filter(c -> labels.entrySet().containsAll(c.labels().entrySet())).toList();
    int ordinal = ordinal(pod);
    if (candidates.size() <= ordinal) {
      throw new LocalRuntimeException("pod " + pod.getMetadata().getName() + " stands for no workload of the release "
          + "(no Deployment or StatefulSet replica with its labels)");
    }
    ChartContainer instance = candidates.get(ordinal);
    Component component = Component.of(pod).orElse(instance.component());
    return ChartContainer.of(pod, component, instance.instance());
  }

  /** A StatefulSet's pod's ordinal ({@code <name>-<ordinal>}), else 0. */
  private static int ordinal(Pod pod) {
    List<OwnerReference> owners = pod.getMetadata().getOwnerReferences() == null ? List.of()
        : pod.getMetadata().getOwnerReferences();
    return owners.stream().filter(o -> "StatefulSet".equals(o.getKind())).findFirst()
        .map(o -> Integer.parseInt(pod.getMetadata().getName().substring(o.getName().length() + 1)))
        .orElse(0);
  }

  private void handOutPorts(ChartContainer c) {
    Map<Integer, Integer> local = ports.computeIfAbsent(c.instance(), i -> new LinkedHashMap<>());
    for (ContainerPort p : c.podPorts()) {
      local.computeIfAbsent(p.getContainerPort(), n -> localPorts.any());
    }
  }

  private Map<String, Map<Integer, Integer>> copyOfPorts() {
    Map<String, Map<Integer, Integer>> copy = new HashMap<>();
    ports.forEach((instance, local) -> copy.put(instance, Map.copyOf(local)));
    return copy;
  }
}
