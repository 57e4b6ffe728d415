package dev.sparkk8s.kube;

import dev.sparkk8s.local.SparkHome;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Plays the kubelet (and the admission chain before it) for Spark's executor pods in one namespace:
 * a pod that would be refused stays Pending with the reason in its PodScheduled condition; an
 * admitted pod's container runs as a local JVM, reported Pending, Running with a pod IP, then
 * Succeeded or Failed with the exit code. Deleting a pod stops its process within its grace period.
 */
public final class LocalKubelet implements AutoCloseable {

  private static final String EXECUTOR_ROLE = "executor";

  private final KubernetesClient client;
  private final String namespace;
  private final SparkHome home;
  private final Path runDir;
  private final ExecutorService events = Executors.newSingleThreadExecutor(r -> new Thread(r, "local-kubelet"));
  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private final Map<String, String> refused = new ConcurrentHashMap<>();
  private final Map<String, Pod> started = new ConcurrentHashMap<>();
  private Watch watch;

  public LocalKubelet(KubernetesClient client, String namespace, SparkHome home, Path runDir) {
    this.client = client;
    this.namespace = namespace;
    this.home = home;
    this.runDir = runDir;
  }

  public LocalKubelet start() {
    watch = client.pods().inNamespace(namespace).withLabel("spark-role", EXECUTOR_ROLE).watch(new Watcher<>() {
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
      setStatus(pod, failed("harness error: " + e.getMessage(), -1));
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
    Path podDir = runDir.resolve("pods").resolve(name);
    try {
      ExecutorContainer container = ExecutorContainer.of(pod, client, home, podDir);
      Files.createDirectories(container.workDir());
      ProcessBuilder pb = new ProcessBuilder(container.command()).directory(container.workDir().toFile())
          .redirectErrorStream(true).redirectOutput(Redirect.to(podDir.resolve("executor.log").toFile()))
          .redirectInput(Redirect.from(new File("/dev/null")));
      pb.environment().putAll(container.env());
      Process process = pb.start();
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
    } catch (IOException e) {
      setStatus(pod, failed("cannot start the container: " + e.getMessage(), 128));
    }
  }

  private void exited(Pod pod, int exitCode) {
    running.remove(pod.getMetadata().getName());
    setStatus(pod, exitCode == 0 ? terminated(pod, "Succeeded", 0, "Completed") : terminated(pod, "Failed", exitCode, "Error"));
  }

  private void stop(String name, long graceSeconds) {
    Process p = running.remove(name);
    if (p == null) {
      return;
    }
    p.descendants().forEach(ProcessHandle::destroy);
    p.destroy();
    try {
      if (!p.waitFor(graceSeconds, TimeUnit.SECONDS)) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
    return new PodStatusBuilder().withPhase(phase).withPodIP("127.0.0.1")
        .withContainerStatuses(new ContainerStatusBuilder().withName(pod.getSpec().getContainers().get(0).getName())
            .withReady(false).withNewState().withNewTerminated().withExitCode(exitCode).withReason(reason)
            .withFinishedAt(Instant.now().toString()).endTerminated().endState().build())
        .build();
  }

  private static PodStatus failed(String message, int exitCode) {
    return new PodStatusBuilder().withPhase("Failed").withMessage(message).withReason("Error").build();
  }

  private static PodCondition condition(String type, String status, String reason, String message) {
    return new PodConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage(message)
        .withLastTransitionTime(Instant.now().toString()).build();
  }

  private static long gracePeriod(Pod pod) {
    Long seconds = pod.getSpec().getTerminationGracePeriodSeconds();
    return seconds == null ? 30 : seconds;
  }

  @Override
  public void close() {
    if (watch != null) {
      watch.close();
    }
    running.keySet().forEach(name -> stop(name, 5));
    events.shutdownNow();
  }
}
