package dev.sparkk8s.kube;

import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.local.LocalRuntimeException;
import dev.sparkk8s.local.PodObjects;
import dev.sparkk8s.local.PodRunner;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.SparkHome;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Plays the kubelet (and the admission chain before it) for Spark's executor pods in one namespace:
 * a pod that would be refused stays Pending with the reason in its PodScheduled condition; an
 * admitted pod's container runs as a local JVM ({@link PodRunner}, its ConfigMaps and Secrets read from
 * the API), reported Pending, Running with a pod IP, then Succeeded or Failed with the exit code.
 * Deleting a pod stops its process within its grace period ({@link ProcessStopper}).
 */
public final class LocalKubelet implements AutoCloseable {

  /** The grace period of the executors still running when the harness closes. */
  private static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

  private final KubernetesClient client;
  private final String namespace;
  private final PodRunner runner;
  private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "local-kubelet"));
  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final Map<String, Pod> started = new ConcurrentHashMap<>();
  private Watch watch;

  public LocalKubelet(KubernetesClient client, String namespace, SparkHome home, Path runDir) {
    this.client = client;
    this.namespace = namespace;
    this.runner = new PodRunner(home, runDir);
  }

  public LocalKubelet start() {
    watch = client.pods().inNamespace(namespace).withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR).watch(new Watcher<>() {
      @Override
      public void eventReceived(Action action, Pod pod) {
        events.submit(() -> handle(action, pod));
      }

      @Override
      public void onClose(WatcherException cause) {
        // the harness is closing
      }
    });
    return this;
  }

  /** Pods refused admission, with the reason. */
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

  private void handle(Watcher.Action action, Pod pod) {
    String name = pod.getMetadata().getName();
    try {
      switch (action) {
        case ADDED -> admitAndRun(pod);
        case DELETED -> stop(name, gracePeriod(pod));
        default -> { }
      }
    } catch (RuntimeException e) {
      setStatus(pod, failed(pod, "harness error: " + e.getMessage(), -1));
    }
  }

  private void admitAndRun(Pod pod) {
    String name = pod.getMetadata().getName();
    var refusal = PodAdmission.refuse(pod, client);
    if (refusal.isPresent()) {
      refused.put(name, refusal.get());
      setStatus(pod, new PodStatusBuilder().withPhase("Pending").withConditions(condition("PodScheduled", "False",
          "Unschedulable", refusal.get())).build());
      return;
    }
    Process process;
    try {
      process = runner.run(pod, objects());
    } catch (LocalRuntimeException e) {
      // The exit code containerd reports for a container that could not start.
      setStatus(pod, failed(pod, "cannot start the container: " + e.getMessage(), 128));
      return;
    }
    running.put(name, process);
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

  /** The namespace's ConfigMaps and Secrets, as the kubelet reads them from the API. */
  private PodObjects objects() {
    return new PodObjects() {
      @Override
      public Optional<ConfigMap> configMap(String name) {
        return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
      }

      @Override
      public Optional<Secret> secret(String name) {
        return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
      }
    };
  }

  private void exited(Pod pod, int exitCode) {
    running.remove(pod.getMetadata().getName());
    setStatus(pod, exitCode == 0 ? terminated(pod, "Succeeded", 0, "Completed") : terminated(pod, "Failed", exitCode, "Error"));
  }

  private void stop(String name, Duration grace) {
    Process p = running.remove(name);
    if (p != null) {
      ProcessStopper.stop(List.of(p.toHandle()), grace);
    }
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

  private static Duration gracePeriod(Pod pod) {
    Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    return Duration.ofSeconds(seconds == null ? 30 : seconds);
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    List<ProcessHandle> left = running.values().stream().map(Process::toHandle).toList();
    running.clear();
    ProcessStopper.stop(left, CLOSE_GRACE);
    events.shutdownNow();
  }
}
