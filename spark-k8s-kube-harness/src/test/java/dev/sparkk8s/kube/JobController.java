package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.batch.v1.JobConditionBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatus;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The Job controller, for Jobs of one completion and {@code restartPolicy: Never} (the standalone backend's submission
 * Job): a Job has one active pod from its template ({@code <job>-<5 characters>}, labelled {@code job-name},
 * {@code controller-uid} and their {@code batch.kubernetes.io/} forms, the Job its controller), a new one after a
 * failed pod while the failures are within {@code backoffLimit} (6 by default). Its status counts the pods (active,
 * ready, succeeded, failed); a Succeeded pod completes it ({@code SuccessCriteriaMet}, then {@code Complete}, as
 * Kubernetes 1.31+ reports), failures beyond the backoff limit fail it ({@code FailureTarget}, then {@code Failed},
 * reason {@code BackoffLimitExceeded}). A Job being deleted creates no pod; a suspended one is not played.
 */
final class JobController {

  static final String JOB_NAME = "job-name";
  static final String CONTROLLER_UID = "controller-uid";
  private static final String BATCH_PREFIX = "batch.kubernetes.io/";
  private static final int DEFAULT_BACKOFF_LIMIT = 6;

  private final KubernetesClient client;

  JobController(KubernetesClient client) {
    this.client = client;
  }

  void reconcile(Job job, List<Pod> namespacePods) {
    String uid = job.getMetadata().getUid();
    List<Pod> pods = namespacePods.stream().filter(p -> PodConditions.controlledBy(p, uid)).toList();
    int succeeded = count(pods, "Succeeded");
    int failed = count(pods, "Failed");
    List<Pod> active = pods.stream().filter(p -> !terminal(p) && p.getMetadata().getDeletionTimestamp() == null)
        .toList();
    int backoffLimit = Objects.requireNonNullElse(job.getSpec().getBackoffLimit(), DEFAULT_BACKOFF_LIMIT);
    boolean complete = succeeded > 0;
    boolean backoffExceeded = !complete && failed > backoffLimit;
    if (!complete && !backoffExceeded && active.isEmpty() && job.getMetadata().getDeletionTimestamp() == null
        && !ended(job)) {
      client.pods().inNamespace(job.getMetadata().getNamespace()).resource(pod(job)).create();
    }
    JobStatus status = status(job, active.size(), (int) active.stream().filter(PodConditions::ready).count(),
        succeeded, failed, complete, backoffExceeded);
    if (!sameCounts(status, job.getStatus())) {
      job.setStatus(status);
      client.resource(job).updateStatus();
    }
  }

  private static JobStatus status(Job job, int active, int ready, int succeeded, int failed, boolean complete,
      boolean backoffExceeded) {
    JobStatus before = job.getStatus();
    String now = Instant.now().toString();
    List<JobCondition> conditions = new ArrayList<>(before == null || before.getConditions() == null ? List.of()
        : before.getConditions());
    JobStatusBuilder status = new JobStatusBuilder().withActive(active).withReady(ready).withSucceeded(succeeded)
        .withFailed(failed).withTerminating(0)
        .withStartTime(before == null || before.getStartTime() == null ? now : before.getStartTime())
        .withCompletionTime(before == null ? null : before.getCompletionTime());
    if (complete && !ended(job)) {
      conditions.add(condition("SuccessCriteriaMet", "CompletionsReached", "Reached expected number of succeeded pods",
          now));
      conditions.add(condition("Complete", "CompletionsReached", "Reached expected number of succeeded pods", now));
      status.withCompletionTime(now);
    } else if (backoffExceeded && !ended(job)) {
      conditions.add(condition("FailureTarget", "BackoffLimitExceeded", "Job has reached the specified backoff limit",
          now));
      conditions.add(condition("Failed", "BackoffLimitExceeded", "Job has reached the specified backoff limit", now));
    }
    return status.withConditions(conditions).build();
  }

  private static boolean sameCounts(JobStatus a, JobStatus b) {
    return b != null && Objects.equals(a.getActive(), b.getActive()) && Objects.equals(a.getReady(), b.getReady())
        && Objects.equals(a.getSucceeded(), b.getSucceeded()) && Objects.equals(a.getFailed(), b.getFailed())
        && Objects.equals(a.getConditions().size(), b.getConditions() == null ? 0 : b.getConditions().size());
  }

  /** Whether the Job has its final condition (Complete or Failed). */
  private static boolean ended(Job job) {
    return job.getStatus() != null && job.getStatus().getConditions() != null && job.getStatus().getConditions()
        .stream().anyMatch(c -> ("Complete".equals(c.getType()) || "Failed".equals(c.getType()))
            && "True".equals(c.getStatus()));
  }

  private static JobCondition condition(String type, String reason, String message, String now) {
    return new JobConditionBuilder().withType(type).withStatus("True").withReason(reason).withMessage(message)
        .withLastProbeTime(now).withLastTransitionTime(now).build();
  }

  private static int count(List<Pod> pods, String phase) {
    return (int) pods.stream().filter(p -> p.getStatus() != null && phase.equals(p.getStatus().getPhase())).count();
  }

  private static boolean terminal(Pod pod) {
    return pod.getStatus() != null && ("Succeeded".equals(pod.getStatus().getPhase())
        || "Failed".equals(pod.getStatus().getPhase()));
  }

  /** The pod of the Job's template, labelled and owned as the Job controller makes it. */
  private static Pod pod(Job job) {
    var template = job.getSpec().getTemplate();
    String name = job.getMetadata().getName();
    String uid = job.getMetadata().getUid();
    Map<String, String> labels = new HashMap<>(template.getMetadata() == null || template.getMetadata().getLabels()
        == null ? Map.of() : template.getMetadata().getLabels());
    labels.putAll(Map.of(JOB_NAME, name, CONTROLLER_UID, uid, BATCH_PREFIX + JOB_NAME, name,
        BATCH_PREFIX + CONTROLLER_UID, uid));
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder(template.getMetadata() == null ? new ObjectMeta() : template.getMetadata()).withName(GeneratedNames.of(name))
            .withNamespace(job.getMetadata().getNamespace()).withLabels(labels)
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("batch/v1").withKind("Job")
                .withName(name).withUid(uid).withController(true).withBlockOwnerDeletion(true).build())
            .build())
        .withSpec(template.getSpec())
        .build();
  }
}
