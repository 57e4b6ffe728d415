package dev.sparkk8s.jobs.state;

import dev.sparkk8s.jobs.model.JobState;
import dev.sparkk8s.jobs.model.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The state of a standalone-backend job from its Kubernetes Job: the Job's pod runs the profile's submit.sh, whose
 * spark-submit in cluster mode waits for the driver ({@code spark.standalone.submit.waitAppCompletion}) and which exits
 * as the driver's last state says, so the Job ends as the driver does.
 */
public final class SubmissionJobState {

  private SubmissionJobState() {
  }

  public static JobStatus of(Job job) {
    if (job.getMetadata().getDeletionTimestamp() != null) {
      return JobStatus.of(JobState.KILLED, "Terminating");
    }
    List<JobCondition> conditions = job.getStatus() == null || job.getStatus().getConditions() == null
        ? List.of() : job.getStatus().getConditions();
    Optional<JobCondition> ended = firstTrue(conditions, "Complete", "SuccessCriteriaMet", "Failed", "FailureTarget");
    if (ended.isPresent()) {
      JobCondition c = ended.get();
      boolean success = c.getType().equals("Complete") || c.getType().equals("SuccessCriteriaMet");
      return JobStatus.of(success ? JobState.SUCCEEDED : JobState.FAILED, c.getType())
          .withDetail(String.join(": ", Stream.of(c.getReason(), c.getMessage())
              .filter(s -> s != null && !s.isBlank()).toList()));
    }
    if (firstTrue(conditions, "Suspended").isPresent()) {
      return JobStatus.of(JobState.KILLED, "Suspended");
    }
    int ready = job.getStatus() == null || job.getStatus().getReady() == null ? 0 : job.getStatus().getReady();
    int active = job.getStatus() == null || job.getStatus().getActive() == null ? 0 : job.getStatus().getActive();
    return ready > 0 ? JobStatus.of(JobState.RUNNING, "Active")
        : JobStatus.of(JobState.SUBMITTED, active > 0 ? "Active" : "Created");
  }

  private static Optional<JobCondition> firstTrue(List<JobCondition> conditions, String... types) {
    return Stream.of(types).flatMap(type -> conditions.stream()
        .filter(c -> type.equals(c.getType()) && "True".equals(c.getStatus()))).findFirst();
  }
}
