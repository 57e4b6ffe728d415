package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.local.LocalRuntimeException;
import dev.sparkk8s.local.PodRunner;
import dev.sparkk8s.local.PreStopHook;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.local.WorkloadPod;
import dev.sparkk8s.local.WorkloadPods;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Plays the kubelet of one node ({@link LocalNode}, registered in the API), the scheduler and the
 * admission chain before it, and the claim binder, for the pods Spark creates in one namespace (executors, and the
 * drivers of cluster-mode submissions) and the pods a release's controllers create ({@link ControllerManager#withPods}:
 * the Connect server, the Standalone master and workers, the History Server). A pod
 * that would be refused ({@link PodAdmission}) stays Pending with the reason in its PodScheduled
 * condition; one that does not fit the node now ({@link PodScheduling}: selector, taints, GPUs,
 * claims) likewise, and is tried again when a pod stops or a claim changes. An admitted pod's
 * container runs as a local JVM ({@link PodRunner}, its ConfigMaps and Secrets read from the API),
 * reported Pending, Running with a pod IP, then Succeeded or Failed with the exit code. A pod
 * marked for deletion (the API's graceful deletion) gets its preStop hook ({@link PreStopHook}) and
 * its process stopped within its grace period ({@link ProcessStopper}), off the event thread; once
 * the process has ended and its status says so, the kubelet deletes the pod for good.
 *
 * <p>A workload's pod (its controller a ReplicaSet or a StatefulSet) runs as {@code up --local} runs the chart's
 * containers ({@link WorkloadPods}: init containers, then the container and its sidecars, each workload instance on
 * local ports of its own that its Services lead to), off the event thread; it is Running once its containers run and
 * Ready once their readiness probes pass. A Job's pod (a standalone-backend job's submission, its container
 * {@code /bin/bash submit.sh ...}) runs the same way as an instance of its own, with the release's addresses, and
 * ends Succeeded or Failed with its exit code. Every pod runs with the Spark home of its image's line.
 */
public final class LocalKubelet implements AutoCloseable {

  /** The grace period of the executors still running when the harness closes. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final String namespace;
  private final LocalNode node;
  private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "local-kubelet"));
  private final ExecutorService stops = Executors.newCachedThreadPool(r -> new Thread(r, "local-kubelet-stop"));
  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private final Map<String, Pod> runningPods = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final Map<String, Pod> waiting = new ConcurrentHashMap<>();
  private final Map<String, Pod> started = new ConcurrentHashMap<>();
  private final Map<String, String> failedHooks = new ConcurrentHashMap<>();
  private final Set<String> terminating = ConcurrentHashMap.newKeySet();
  private final List<Watch> watches = new ArrayList<>();
  private final SparkHome home;
  private final Path runDir;
  private final Map<String, PodRunner> runners = new ConcurrentHashMap<>();
  private final WorkloadPods workloadPods;
  private final Map<String, WorkloadPod> workloads = new ConcurrentHashMap<>();
  /** The container log of every workload and Job pod started, kept after it ends as a kubelet keeps it. */
  private final Map<String, Path> logs = new ConcurrentHashMap<>();
  private final Set<String> readyWorkloads = ConcurrentHashMap.newKeySet();
  private final ExecutorService starts = Executors.newCachedThreadPool(r -> new Thread(r, "local-kubelet-start"));
  private final ScheduledExecutorService probes = Executors.newSingleThreadScheduledExecutor(
      r -> new Thread(r, "local-kubelet-probes"));

  public LocalKubelet(KubernetesClient client, String namespace, SparkHome home, Path runDir) {
    this(client, namespace, LocalNode.standard(), home, runDir);
  }

  public LocalKubelet(KubernetesClient client, String namespace, LocalNode node, SparkHome home, Path runDir) {
    this.client = client;
    this.namespace = namespace;
    this.node = node;
    this.home = home;
    this.runDir = runDir;
    String apiServer = client.getConfiguration().getMasterUrl().replaceAll("/+$", "");
    this.workloadPods = new WorkloadPods(runDir, Map.of("https://kubernetes.default.svc", apiServer));
  }

  public LocalKubelet start() {
    client.nodes().resource(node.toNode()).create();
    watches.add(client.pods().inNamespace(namespace).withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR)
        .watch(watcher(this::podEvent)));
    // The driver pods Spark's submission client creates in cluster mode (batch jobs).
    watches.add(client.pods().inNamespace(namespace).withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_DRIVER)
        .watch(watcher(this::podEvent)));
    // The pods of a release's workloads, which their controllers create.
    watches.add(client.pods().inNamespace(namespace).watch(watcher((action, pod) -> {
      if (WorkloadPodSpec.runsAsWorkload(pod)) {
        podEvent(action, pod);
      }
    })));
    watches.add(client.persistentVolumeClaims().inNamespace(namespace).watch(watcher(this::claimEvent)));
    probes.scheduleWithFixedDelay(this::probeWorkloads, 1, 1, TimeUnit.SECONDS);
    return this;
  }

  /**
   * The local port a container port of a running workload pod listens on (every pod runs on 127.0.0.1, each
   * workload instance on ports of its own), e.g. the Connect server's {@code 15002}.
   */
  public int localPort(String pod, int containerPort) {
    WorkloadPod running = workloads.get(pod);
    if (running == null) {
      throw new IllegalStateException("no workload pod " + pod + " runs on this kubelet");
    }
    return workloadPods.port(running.instance(), containerPort);
  }

  /** The workload pods whose containers run now (the Connect server, master, workers, History Server). */
  public Set<String> runningWorkloadPods() {
    return Set.copyOf(workloads.keySet());
  }

  /** The log of a workload's or Job's pod's container, what {@code kubectl logs} shows; empty for another pod. */
  public Optional<String> log(String pod) {
    Path log = logs.get(pod);
    try {
      return log == null ? Optional.empty() : Optional.of(Files.isRegularFile(log) ? Files.readString(log) : "");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Pods not running because they were refused or do not fit the node, with the reason. */
  public Map<String, String> refused() {
    return Map.copyOf(refused);
  }

  /** Every executor pod this kubelet started, as it was when it started. */
  public List<Pod> startedPods() {
    return List.copyOf(started.values());
  }

  /** Executor pods whose process runs now. */
  public int runningCount() {
    return (int) running.values().stream().filter(Process::isAlive).count();
  }

  /** Pods whose preStop hook failed, with the reason (the kubelet stopped them anyway). */
  public Map<String, String> failedPreStopHooks() {
    return Map.copyOf(failedHooks);
  }

  private <T> Watcher<T> watcher(BiConsumer<Watcher.Action, T> handler) {
    return new Watcher<>() {
      @Override
      public void eventReceived(Action action, T resource) {
        events.submit(() -> handler.accept(action, resource));
      }

      @Override
      public void onClose(WatcherException cause) {
        // the harness is closing
      }
    };
  }

  private void podEvent(Watcher.Action action, Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      switch (action) {
        case ADDED -> schedule(pod);
        case MODIFIED -> {
          if (pod.getMetadata().getDeletionTimestamp() != null) {
            terminate(pod);
          }
        }
        case DELETED -> {
          // Deleted at once (a grace period of 0, or never scheduled): nothing to wait for.
          waiting.remove(name);
          refused.remove(name);
          terminating.remove(name);
          stop(pod);
        }
        default -> { }
      }
    } catch (RuntimeException e) {
      setStatus(pod, failed(pod, "harness error: " + e.getMessage(), -1));
    }
  }

  private void claimEvent(Watcher.Action action, PersistentVolumeClaim claim) {
    if (action == Watcher.Action.ADDED && ClaimBinder.bind(client, claim)) {
      retryWaiting();
    }
  }

  private void schedule(Pod pod) {
    String name = pod.getMetadata().getName();
    Optional<String> refusal = PodAdmission.refuse(pod, client);
    boolean retry = false;
    if (refusal.isEmpty()) {
      refusal = PodScheduling.unschedulable(pod, node, List.copyOf(runningPods.values()),
          claim -> Optional.ofNullable(client.persistentVolumeClaims().inNamespace(namespace).withName(claim).get()));
      retry = refusal.isPresent();
    }
    if (refusal.isPresent()) {
      refused.put(name, refusal.get());
      if (retry) {
        waiting.put(name, pod);
      }
      setStatus(pod, new PodStatusBuilder().withPhase("Pending").withConditions(condition("PodScheduled", "False",
          "Unschedulable", refusal.get())).build());
      return;
    }
    refused.remove(name);
    waiting.remove(name);
    // Bound to the node, as the scheduler binds a pod.
    Pod bound = client.pods().inNamespace(namespace).withName(name)
        .edit(p -> new PodBuilder(p).editSpec().withNodeName(node.name()).endSpec().build());
    run(bound);
  }

  /** Pods that did not fit the node, tried again (a pod stopped, a claim was bound). */
  private void retryWaiting() {
    for (String name : List.copyOf(waiting.keySet())) {
      Pod current = client.pods().inNamespace(namespace).withName(name).get();
      if (current == null) {
        waiting.remove(name);
        refused.remove(name);
      } else {
        schedule(current);
      }
    }
  }

  private void run(Pod pod) {
    if (WorkloadPodSpec.runsAsWorkload(pod)) {
      setStatus(pod, new PodStatusBuilder().withPhase("Pending").withConditions(condition("PodScheduled", "True", null,
          null)).build());
      starts.submit(() -> startWorkload(pod));
      return;
    }
    String name = pod.getMetadata().getName();
    awaitConfigMaps(pod);
    Process process;
    try {
      process = runner(pod).run(pod, new ApiPodObjects(client, namespace),
          client.services().inNamespace(namespace).list().getItems());
    } catch (LocalRuntimeException e) {
      // The exit code containerd reports for a container that could not start.
      setStatus(pod, failed(pod, "cannot start the container: " + e.getMessage(), 128));
      return;
    }
    running.put(name, process);
    runningPods.put(name, pod);
    started.put(name, pod);
    setStatus(pod, new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1").withHostIP("127.0.0.1")
        .withStartTime(Instant.now().toString())
        .withConditions(condition("PodScheduled", "True", null, null), condition("Ready", "True", null, null))
        .withContainerStatuses(new ContainerStatusBuilder().withName(pod.getSpec().getContainers().get(0).getName())
            .withReady(true).withImage(pod.getSpec().getContainers().get(0).getImage()).withRestartCount(0)
            .withNewState().withNewRunning().withStartedAt(Instant.now().toString()).endRunning().endState().build())
        .build());
    process.onExit().thenAccept(p -> events.submit(() -> exited(pod, p.exitValue())));
  }

  /** A workload's pod: its init containers, then its containers; Running, then Ready once its probes pass. */
  private void startWorkload(Pod pod) {
    String name = pod.getMetadata().getName();
    WorkloadPod started;
    try {
      awaitConfigMaps(pod);
      List<HasMetadata> workloadObjects = new ArrayList<>(client.apps().deployments().inNamespace(namespace).list()
          .getItems());
      workloadObjects.addAll(client.apps().statefulSets().inNamespace(namespace).list().getItems());
      var services = client.services().inNamespace(namespace).list().getItems();
      started = WorkloadPodSpec.ofJob(pod)
          ? workloadPods.startAlone(pod, workloadObjects, services, new ApiPodObjects(client, namespace), homeFor(pod))
          : workloadPods.start(pod, workloadObjects, services, new ApiPodObjects(client, namespace), homeFor(pod));
    } catch (RuntimeException e) {
      // The exit code containerd reports for a container that could not start.
      setStatus(pod, failed(pod, "cannot start the pod: " + e.getMessage(), 128));
      return;
    }
    Pod current = client.pods().inNamespace(namespace).withName(name).get();
    if (current == null || current.getMetadata().getDeletionTimestamp() != null) {
      // Deleted while its init containers ran.
      ProcessStopper.stop(started.processes(), gracePeriod(pod));
      if (current != null) {
        deleteNow(name);
      }
      return;
    }
    workloads.put(name, started);
    logs.put(name, started.log());
    runningPods.put(name, pod);
    setStatus(pod, workloadRunning(pod, false));
    started.process().onExit().thenAccept(p -> events.submit(() -> exited(pod, p.exitValue())));
  }

  /** Each workload pod not Ready yet: Ready once every container's readiness probe passes. */
  private void probeWorkloads() {
    workloads.forEach((name, pod) -> {
      try {
        if (!readyWorkloads.contains(name) && pod.ready() && workloads.containsKey(name)) {
          readyWorkloads.add(name);
          Pod current = client.pods().inNamespace(namespace).withName(name).get();
          if (current != null) {
            setStatus(current, workloadRunning(current, true));
          }
        }
      } catch (RuntimeException e) {
        // a probe that cannot run now is tried again
      }
    });
  }

  private static PodStatus workloadRunning(Pod pod, boolean ready) {
    String now = Instant.now().toString();
    return new PodStatusBuilder().withPhase("Running").withPodIP("127.0.0.1").withHostIP("127.0.0.1")
        .withStartTime(now)
        .withConditions(condition("PodScheduled", "True", null, null),
            condition("ContainersReady", ready ? "True" : "False", null, null),
            condition("Ready", ready ? "True" : "False", null, null))
        .withContainerStatuses(pod.getSpec().getContainers().stream().map(c -> new ContainerStatusBuilder()
            .withName(c.getName()).withImage(c.getImage()).withReady(ready).withStarted(true).withRestartCount(0)
            .withNewState().withNewRunning().withStartedAt(now).endRunning().endState().build()).toList())
        .build();
  }

  /** The runner of the Spark home of the pod's image's line. */
  private PodRunner runner(Pod pod) {
    SparkHome podHome = homeFor(pod);
    return runners.computeIfAbsent(podHome.sparkVersion(), v -> new PodRunner(podHome, runDir));
  }

  /** The Spark home of the line the pod's image's tag names ({@code apache/spark:3.5.5}), else the kubelet's. */
  private SparkHome homeFor(Pod pod) {
    return WorkloadPodSpec.sparkLine(pod).filter(line -> !line.equals(home.sparkVersion()))
        .map(SparkHome::built).orElse(home);
  }

  /**
   * Waits, as a kubelet keeps a pod in ContainerCreating, for the ConfigMaps its volumes need: Spark's submission
   * client creates a cluster-mode driver's ConfigMaps and Service just after its pod.
   */
  private void awaitConfigMaps(Pod pod) {
    List<String> needed = pod.getSpec().getVolumes() == null ? List.of() : pod.getSpec().getVolumes().stream()
        .filter(v -> v.getConfigMap() != null && !Boolean.TRUE.equals(v.getConfigMap().getOptional()))
        .map(v -> v.getConfigMap().getName()).toList();
    Poll.every(Duration.ofMillis(100), Duration.ofSeconds(30)).until(() -> needed.stream()
        .allMatch(cm -> client.configMaps().inNamespace(namespace).withName(cm).get() != null));
  }

  private void exited(Pod pod, int exitCode) {
    String name = pod.getMetadata().getName();
    running.remove(name);
    runningPods.remove(name);
    readyWorkloads.remove(name);
    WorkloadPod workload = workloads.remove(name);
    if (workload != null) {
      // Its sidecars end with it.
      stops.submit(() -> ProcessStopper.stop(workload.processes(), Duration.ofSeconds(5)));
    }
    setStatus(pod, exitCode == 0 ? terminated(pod, "Succeeded", 0, "Completed") : terminated(pod, "Failed", exitCode, "Error"));
    if (terminating.remove(name)) {
      deleteNow(name);
    }
    retryWaiting();
  }

  /**
   * A pod marked for deletion: its container stopped (when it runs), its end reported, then the pod
   * deleted for good, as a kubelet finishes a graceful deletion.
   */
  private void terminate(Pod pod) {
    String name = pod.getMetadata().getName();
    waiting.remove(name);
    refused.remove(name);
    if (!terminating.add(name)) {
      return;
    }
    List<ProcessHandle> processes = processes(name);
    if (processes.isEmpty() || !processes.get(0).isAlive()) {
      terminating.remove(name);
      deleteNow(name);
    } else {
      stop(pod);
    }
  }

  private void deleteNow(String name) {
    client.pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
  }

  /** A deleted pod's container: its preStop hook, then SIGTERM, SIGKILL when the grace period is over. */
  private void stop(Pod pod) {
    String name = pod.getMetadata().getName();
    List<ProcessHandle> processes = processes(name);
    if (processes.isEmpty() || !processes.get(0).isAlive()) {
      return;
    }
    Duration grace = gracePeriod(pod);
    stops.submit(() -> {
      Instant start = Instant.now();
      PreStopHook.run(pod, processes.get(0), grace).ifPresent(reason -> failedHooks.put(name, reason));
      Duration left = grace.minus(Duration.between(start, Instant.now()));
      ProcessStopper.stop(processes, left.isNegative() ? Duration.ZERO : left);
    });
  }

  /** A pod's processes, its (first) container's first: an executor's or driver's one, a workload pod's all. */
  private List<ProcessHandle> processes(String name) {
    Process p = running.get(name);
    if (p != null) {
      return List.of(p.toHandle());
    }
    WorkloadPod workload = workloads.get(name);
    return workload == null ? List.of() : workload.processes();
  }

  private void setStatus(Pod pod, PodStatus status) {
    Pod current = client.pods().inNamespace(namespace).withName(pod.getMetadata().getName()).get();
    if (current != null) {
      current.setStatus(status);
      client.pods().inNamespace(namespace).resource(current).updateStatus();
    }
  }

  private static PodStatus terminated(Pod pod, String phase, int exitCode, String reason) {
    return terminated(pod, phase, exitCode, reason, null);
  }

  private static PodStatus terminated(Pod pod, String phase, int exitCode, String reason, String message) {
    return new PodStatusBuilder().withPhase(phase).withPodIP("127.0.0.1").withMessage(message)
        .withContainerStatuses(new ContainerStatusBuilder().withName(pod.getSpec().getContainers().get(0).getName())
            .withReady(false).withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason)
            .withMessage(message).withFinishedAt(Instant.now().toString()).endTerminated().endState().build())
        .build();
  }

  /** A container that never ran: Failed, its status saying why and with which exit code. */
  private static PodStatus failed(Pod pod, String message, int exitCode) {
    return terminated(pod, "Failed", exitCode, "Error", message);
  }

  private static PodCondition condition(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(Instant.now().toString()).build();
  }

  /** The deletion's grace period, else the pod's. */
  private static Duration gracePeriod(Pod pod) {
    Long seconds = pod.getMetadata().getDeletionGracePeriodSeconds() != null
        ? pod.getMetadata().getDeletionGracePeriodSeconds() : pod.getSpec().getTerminationGracePeriodSeconds();
    return Duration.ofSeconds(seconds == null ? 30 : seconds);
  }

  @Override
  public void close() {
    watches.forEach(Watch::close);
    events.shutdownNow();
    stops.shutdownNow();
    starts.shutdownNow();
    probes.shutdownNow();
    List<ProcessHandle> left = new ArrayList<>(running.values().stream().map(Process::toHandle).toList());
    workloads.values().forEach(w -> left.addAll(w.processes()));
    running.clear();
    workloads.clear();
    ProcessStopper.stop(left, CLOSE_GRACE);
  }
}
