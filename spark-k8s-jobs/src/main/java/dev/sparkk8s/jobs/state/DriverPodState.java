package dev.sparkk8s.jobs.state;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Optional;

/** The state of a kubernetes-backend job from its driver pod's phase (and the driver container's exit). */
public final class DriverPodState {

  private DriverPodState() {
  }

  public static JobStatus of(Pod driver) {
    String phase = driver.getStatus() == null ? null : driver.getStatus().getPhase();
    String exit = exitOf(driver).map(t -> "exit code " + t.getExitCode()
        + (t.getReason() == null ? "" : " (" + t.getReason() + ")")
        + (t.getMessage() == null || t.getMessage().isBlank() ? "" : ": " + t.getMessage().strip())).orElse("");
    if (driver.getMetadata().getDeletionTimestamp() != null) {
      return JobStatus.of(JobState.KILLED, phase == null ? "Terminating" : phase).withDetail(exit);
    }
    JobState state = phase == null ? JobState.SUBMITTED : switch (phase) {
      case "Pending" -> JobState.SUBMITTED;
      case "Running" -> JobState.RUNNING;
      case "Succeeded" -> JobState.SUCCEEDED;
      case "Failed" -> JobState.FAILED;
      default -> JobState.UNKNOWN;
    };
    return JobStatus.of(state, phase == null ? "" : phase).withDetail(exit);
  }

  /** The first terminated container's end: the driver's (Spark's driver pod has one container). */
  private static Optional<ContainerStateTerminated> exitOf(Pod pod) {
    List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
    return statuses == null ? Optional.empty() : statuses.stream()
        .filter(s -> s.getState() != null && s.getState().getTerminated() != null)
        .map(s -> s.getState().getTerminated()).findFirst();
  }
}
