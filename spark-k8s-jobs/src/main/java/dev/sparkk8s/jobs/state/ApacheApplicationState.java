package dev.sparkk8s.jobs.state;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The state of an Apache operator job ({@code spark.apache.org/v1}) from
 * {@code .status.currentState.currentStateSummary}, whose values are the operator's {@code ApplicationStateSummary}.
 * Once the operator has released (or kept) the resources, the state before that in
 * {@code .status.stateTransitionHistory} says how the application ended.
 */
public final class ApacheApplicationState {

  private static final Map<String, JobState> STATES = Map.ofEntries(
      Map.entry("Submitted", JobState.SUBMITTED),
      Map.entry("ScheduledToRestart", JobState.SUBMITTED),
      Map.entry("DriverRequested", JobState.SUBMITTED),
      Map.entry("DriverStarted", JobState.RUNNING),
      Map.entry("DriverReady", JobState.RUNNING),
      Map.entry("InitializedBelowThresholdExecutors", JobState.RUNNING),
      Map.entry("RunningHealthy", JobState.RUNNING),
      Map.entry("RunningWithPartialCapacity", JobState.RUNNING),
      Map.entry("RunningWithBelowThresholdExecutors", JobState.RUNNING),
      Map.entry("Succeeded", JobState.SUCCEEDED),
      Map.entry("Failed", JobState.FAILED),
      Map.entry("SchedulingFailure", JobState.FAILED),
      Map.entry("DriverEvicted", JobState.FAILED),
      Map.entry("DriverStartTimedOut", JobState.FAILED),
      Map.entry("ExecutorsStartTimedOut", JobState.FAILED),
      Map.entry("DriverReadyTimedOut", JobState.FAILED));

  /** The operator's states after an application has stopped: how it ended is the state before them. */
  private static final Set<String> RELEASED = Set.of("ResourceReleased",
      "TerminatedWithoutReleaseResources");

  private ApacheApplicationState() {
  }

  public static JobStatus of(GenericKubernetesResource app) {
    Map<String, Object> status = OperatorStatus.map(app.getAdditionalProperties().get("status"));
    Map<String, Object> current = OperatorStatus.map(status.get("currentState"));
    String summary = OperatorStatus.text(current.get("currentStateSummary"));
    String message = OperatorStatus.text(current.get("message"));
    if (app.getMetadata().getDeletionTimestamp() != null) {
      return JobStatus.of(JobState.KILLED, summary.isEmpty() ? "Terminating" : summary);
    }
    if (summary.isEmpty()) {
      return JobStatus.of(JobState.SUBMITTED, "");
    }
    if (RELEASED.contains(summary)) {
      return endedBefore(status).map(s -> JobStatus.of(s.state(), summary).withDetail(s.detail()))
          .orElse(JobStatus.of(JobState.UNKNOWN, summary).withDetail(message));
    }
    return JobStatus.of(STATES.getOrDefault(summary, JobState.UNKNOWN), summary).withDetail(message);
  }

  /** The last state in the history that the common set maps, with its message. */
  private static Optional<JobStatus> endedBefore(Map<String, Object> status) {
    Map<Long, Map<String, Object>> history = new TreeMap<>();
    OperatorStatus.map(status.get("stateTransitionHistory"))
        .forEach((k, v) -> history.put(Long.parseLong(k), OperatorStatus.map(v)));
    return history.values().stream()
        .map(s -> JobStatus.of(STATES.getOrDefault(OperatorStatus.text(s.get("currentStateSummary")),
            JobState.UNKNOWN), OperatorStatus.text(s.get("currentStateSummary")))
            .withDetail(OperatorStatus.text(s.get("message"))))
        .filter(s -> s.state().ended())
        .reduce((first, second) -> second);
  }
}
