package dev.sparkk8s.jobs.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import dev.sparkk8s.jobs.testing.Documents;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each backend's own state, from status documents of each kind, mapped to the common set. */
class StateMappingTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "pod-pending.yaml,      SUBMITTED, Pending,   ''",
      "pod-running.yaml,      RUNNING,   Running,   ''",
      "pod-succeeded.yaml,    SUCCEEDED, Succeeded, exit code 0 (Completed)",
      "pod-failed.yaml,       FAILED,    Failed,    exit code 1 (Error)",
      "pod-terminating.yaml,  KILLED,    Running,   ''"})
  void driverPodPhase(String file, JobState state, String nativeState, String detail) {
    assertThat(DriverPodState.of(Documents.read("status/" + file, Pod.class)))
        .isEqualTo(new JobStatus(state, nativeState, detail));
  }

  /** Every value of Spark's org.apache.spark.deploy.master.DriverState (3.5 and 4.1 have the same eight). */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "SUBMITTED,   SUBMITTED",
      "RELAUNCHING, SUBMITTED",
      "RUNNING,     RUNNING",
      "FINISHED,    SUCCEEDED",
      "FAILED,      FAILED",
      "ERROR,       FAILED",
      "KILLED,      KILLED",
      "UNKNOWN,     UNKNOWN"})
  void standaloneDriverState(String driverState, JobState state) {
    assertThat(StandaloneDriverState.of(driverState)).isEqualTo(JobStatus.of(state, driverState));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "job-created.yaml,     SUBMITTED, Created,   ''",
      "job-pending.yaml,     SUBMITTED, Active,    ''",
      "job-running.yaml,     RUNNING,   Active,    ''",
      "job-complete.yaml,    SUCCEEDED, Complete,  ''",
      "job-failed.yaml,      FAILED,    Failed,    BackoffLimitExceeded: Job has reached the specified backoff limit",
      "job-terminating.yaml, KILLED,    Terminating, ''"})
  void kubernetesJobStatus(String file, JobState state, String nativeState, String detail) {
    assertThat(SubmissionJobState.of(Documents.read("status/" + file, Job.class)))
        .isEqualTo(new JobStatus(state, nativeState, detail));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "apache-driver-requested.yaml,   SUBMITTED, DriverRequested",
      "apache-running-healthy.yaml,    RUNNING,   RunningHealthy",
      "apache-succeeded-released.yaml, SUCCEEDED, ResourceReleased",
      "apache-failed-retained.yaml,    FAILED,    TerminatedWithoutReleaseResources",
      "apache-scheduling-failure.yaml, FAILED,    SchedulingFailure"})
  void apacheCurrentStateSummary(String file, JobState state, String nativeState) {
    JobStatus status = ApacheApplicationState.of(Documents.read("status/" + file, GenericKubernetesResource.class));
    assertThat(status.state()).isEqualTo(state);
    assertThat(status.nativeState()).isEqualTo(nativeState);
  }

  @Test
  void apacheFailureSaysWhy() {
    assertThat(ApacheApplicationState.of(Documents.read("status/apache-failed-retained.yaml",
        GenericKubernetesResource.class)).detail()).startsWith("Driver has one or more failed critical container");
    assertThat(ApacheApplicationState.of(Documents.read("status/apache-scheduling-failure.yaml",
        GenericKubernetesResource.class)).detail()).contains("violates PodSecurity");
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
      "kubeflow-submitted.yaml,         SUBMITTED, SUBMITTED",
      "kubeflow-pending-rerun.yaml,     SUBMITTED, PENDING_RERUN",
      "kubeflow-running.yaml,           RUNNING,   RUNNING",
      "kubeflow-failing.yaml,           RUNNING,   FAILING",
      "kubeflow-completed.yaml,         SUCCEEDED, COMPLETED",
      "kubeflow-failed.yaml,            FAILED,    FAILED",
      "kubeflow-submission-failed.yaml, FAILED,    SUBMISSION_FAILED"})
  void kubeflowApplicationState(String file, JobState state, String nativeState) {
    JobStatus status = KubeflowApplicationState.of(Documents.read("status/" + file, GenericKubernetesResource.class));
    assertThat(status.state()).isEqualTo(state);
    assertThat(status.nativeState()).isEqualTo(nativeState);
  }

  @Test
  void anApplicationTheOperatorHasNotSeenIsSubmittedAndOneBeingDeletedIsKilled() {
    GenericKubernetesResource fresh = Documents.read("status/kubeflow-running.yaml", GenericKubernetesResource.class);
    fresh.getAdditionalProperties().remove("status");
    assertThat(KubeflowApplicationState.of(fresh).state()).isEqualTo(JobState.SUBMITTED);
    GenericKubernetesResource apache = Documents.read("status/apache-running-healthy.yaml",
        GenericKubernetesResource.class);
    apache.getAdditionalProperties().remove("status");
    assertThat(ApacheApplicationState.of(apache).state()).isEqualTo(JobState.SUBMITTED);
    apache.getMetadata().setDeletionTimestamp("2026-12-03T10:05:00Z");
    assertThat(ApacheApplicationState.of(apache).state()).isEqualTo(JobState.KILLED);
    fresh.getMetadata().setDeletionTimestamp("2026-12-03T10:05:00Z");
    assertThat(KubeflowApplicationState.of(fresh).state()).isEqualTo(JobState.KILLED);
  }

  @Test
  void everyStateOfBothOperatorsIsMapped() {
    for (String summary : OperatorStateNames.APACHE) {
      GenericKubernetesResource app = Documents.read("status/apache-running-healthy.yaml",
          GenericKubernetesResource.class);
      app.getAdditionalProperties().put("status", Map.of("currentState",
          Map.of("currentStateSummary", summary)));
      assertThat(ApacheApplicationState.of(app).state()).as(summary).isNotEqualTo(JobState.UNKNOWN);
    }
    for (String state : OperatorStateNames.KUBEFLOW) {
      GenericKubernetesResource app = Documents.read("status/kubeflow-running.yaml", GenericKubernetesResource.class);
      app.getAdditionalProperties().put("status", Map.of("applicationState", Map.of("state", state)));
      JobState mapped = KubeflowApplicationState.of(app).state();
      assertThat(mapped == JobState.UNKNOWN).as(state).isEqualTo(state.equals("UNKNOWN"));
    }
  }
}
