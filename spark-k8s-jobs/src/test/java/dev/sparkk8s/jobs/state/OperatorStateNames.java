package dev.sparkk8s.jobs.state;

import java.util.List;

/**
 * Every state name of both operators, as their sources at the commits of {@code crds/SOURCES.md} define them:
 * {@code ApplicationStateSummary} (Apache, except ResourceReleased and TerminatedWithoutReleaseResources, which
 * need a history) and {@code ApplicationStateType} (Kubeflow, "" being its new application).
 */
final class OperatorStateNames {

  static final List<String> APACHE = List.of("Submitted", "ScheduledToRestart", "DriverRequested", "DriverStarted",
      "DriverReady", "InitializedBelowThresholdExecutors", "RunningHealthy", "RunningWithPartialCapacity",
      "RunningWithBelowThresholdExecutors", "DriverStartTimedOut", "ExecutorsStartTimedOut", "DriverReadyTimedOut",
      "Succeeded", "Failed", "SchedulingFailure", "DriverEvicted");

  static final List<String> KUBEFLOW = List.of("", "SUBMITTED", "RUNNING", "COMPLETED", "FAILED",
      "SUBMISSION_FAILED", "PENDING_RERUN", "INVALIDATING", "SUCCEEDING", "FAILING", "SUSPENDING", "SUSPENDED",
      "RESUMING", "UNKNOWN");

  private OperatorStateNames() {
  }
}
