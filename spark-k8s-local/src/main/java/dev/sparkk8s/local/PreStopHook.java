package dev.sparkk8s.local;

import dev.sparkk8s.common.Poll;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ExecAction;
import io.fabric8.kubernetes.api.model.Lifecycle;
import io.fabric8.kubernetes.api.model.LifecycleHandler;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.IOException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container's preStop exec hook, which a kubelet runs before it sends the container SIGTERM,
 * played on this machine. The one hook Spark's pods carry is the apache/spark image's
 * {@code /opt/decom.sh} (Spark's {@code spark.kubernetes.decommission.script}, on executor
 * containers when decommission is on): it sends SIGPWR to the container's last java process
 * ({@code ps -o pid -C java | tail -n 1}) and waits up to 60 s for it to exit. Here the container is
 * the process tree the kubelet started, so the signal goes to that tree's java process and no other.
 * Any other command is not run: the hook fails with the reason, as a kubelet reports a failed hook
 * (FailedPreStopHook) and stops the container anyway.
 */
public final class PreStopHook {

  static final String IMAGE_DECOM_SCRIPT = "/opt/decom.sh";
  /** decom.sh's {@code timeout 60 tail --pid=$WORKER_PID -f /dev/null}. */
  static final Duration DECOM_WAIT = Duration.ofSeconds(60);
  private static final Duration POLL = Duration.ofMillis(200);

  private PreStopHook() {
  }

  /** The exec command of the pod's first container's preStop hook, if it has one. */
  public static Optional<List<String>> command(Pod pod) {
    Container c = pod.getSpec().getContainers().get(0);
    return Optional.ofNullable(c.getLifecycle()).map(Lifecycle::getPreStop).map(LifecycleHandler::getExec)
        .map(ExecAction::getCommand).filter(command -> !command.isEmpty());
  }

  /**
   * Runs the pod's preStop hook against the container's process tree, for at most {@code limit}
   * (the pod's grace period). Returns why the hook failed, or empty when it ran or there is none.
   */
  public static Optional<String> run(Pod pod, ProcessHandle container, Duration limit) {
    Optional<List<String>> command = command(pod);
    if (command.isEmpty()) {
      return Optional.empty();
    }
    if (!command.get().get(0).equals(IMAGE_DECOM_SCRIPT)) {
      return Optional.of("the local kubelet runs the image's " + IMAGE_DECOM_SCRIPT + " as a preStop hook, not "
          + command.get());
    }
    Optional<ProcessHandle> java = lastJava(container);
    if (java.isEmpty()) {
      return Optional.of(IMAGE_DECOM_SCRIPT + ": the container runs no java process");
    }
    try {
      Process kill = new ProcessBuilder("kill", "-s", "PWR", String.valueOf(java.get().pid()))
          .redirectErrorStream(true).start();
      if (kill.waitFor() != 0) {
        return Optional.of(IMAGE_DECOM_SCRIPT + ": kill -s PWR " + java.get().pid() + " failed: "
            + new String(kill.getInputStream().readAllBytes()).strip());
      }
    } catch (IOException e) {
      return Optional.of(IMAGE_DECOM_SCRIPT + ": cannot run kill: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(IMAGE_DECOM_SCRIPT + ": interrupted");
    }
    Duration wait = DECOM_WAIT.compareTo(limit) < 0 ? DECOM_WAIT : limit;
    Poll.every(POLL, wait).until(() -> !java.get().isAlive());
    return Optional.empty();
  }

  /** The tree's java process of the highest pid, as {@code ps -C java | tail -n 1} lists it. */
  private static Optional<ProcessHandle> lastJava(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants()).filter(ProcessHandle::isAlive)
        .filter(h -> h.info().command().map(c -> c.equals("java") || c.endsWith("/java")).orElse(false))
        .max(Comparator.comparingLong(ProcessHandle::pid));
  }
}
