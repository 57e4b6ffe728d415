package dev.sparkk8s.jobs.state;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.Map;

/**
 * The state of a Kubeflow operator job ({@code sparkoperator.k8s.io/v1beta2}) from
 * {@code .status.applicationState.state}, whose values are the operator's {@code ApplicationStateType}. SUCCEEDING and
 * FAILING are the operator's steps between a driver's end and the application's (it may run it again), so they are
 * still RUNNING; a suspended application was stopped by a user.
 */
public final class KubeflowApplicationState {

  private static final Map<String, JobState> STATES = Map.ofEntries(
      Map.entry("", JobState.SUBMITTED),
      Map.entry("SUBMITTED", JobState.SUBMITTED),
      Map.entry("PENDING_RERUN", JobState.SUBMITTED),
      Map.entry("INVALIDATING", JobState.SUBMITTED),
      Map.entry("RESUMING", JobState.SUBMITTED),
      Map.entry("RUNNING", JobState.RUNNING),
      Map.entry("SUCCEEDING", JobState.RUNNING),
      Map.entry("FAILING", JobState.RUNNING),
      Map.entry("COMPLETED", JobState.SUCCEEDED),
      Map.entry("FAILED", JobState.FAILED),
      Map.entry("SUBMISSION_FAILED", JobState.FAILED),
      Map.entry("SUSPENDING", JobState.KILLED),
      Map.entry("SUSPENDED", JobState.KILLED),
      Map.entry("UNKNOWN", JobState.UNKNOWN));

  private KubeflowApplicationState() {
  }

  public static JobStatus of(GenericKubernetesResource app) {
    Map<String, Object> status = OperatorStatus.map(app.getAdditionalProperties().get("status"));
    Map<String, Object> appState = OperatorStatus.map(status.get("applicationState"));
    String state = OperatorStatus.text(appState.get("state"));
    String error = OperatorStatus.text(appState.get("errorMessage"));
    if (app.getMetadata().getDeletionTimestamp() != null) {
      return JobStatus.of(JobState.KILLED, state.isEmpty() ? "Terminating" : state);
    }
    return JobStatus.of(STATES.getOrDefault(state, JobState.UNKNOWN), state).withDetail(error);
  }
}
