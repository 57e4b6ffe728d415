package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.state.ApacheApplicationState;
import dev.sparkk8s.jobs.state.DriverPodState;
import dev.sparkk8s.jobs.state.KubeflowApplicationState;
import dev.sparkk8s.jobs.state.SubmissionJobState;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The batch jobs of one release: the objects labelled with its instance and the job-driver component, of the kind
 * its backend makes (driver pods, Jobs or SparkApplications), with their state.
 */
public final class JobCatalog implements JobListing {

  private final KubernetesClient client;
  private final String namespace;
  private final JobProfile profile;

  public JobCatalog(KubernetesClient client, String namespace, JobProfile profile) {
    this.client = client;
    this.namespace = namespace;
    this.profile = profile;
  }

  /** Every job, oldest first. */
  @Override
  public List<Job> list() {
    JobKind kind = profile.kind();
    List<Job> jobs = switch (kind) {
      case DRIVER_POD -> client.pods().inNamespace(namespace).withLabels(labels())
          .withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_DRIVER).list().getItems().stream()
          .map(p -> job(p, kind, DriverPodState.of(p))).toList();
      case SUBMISSION_JOB -> client.batch().v1().jobs().inNamespace(namespace).withLabels(labels()).list()
          .getItems().stream().map(j -> job(j, kind, SubmissionJobState.of(j))).toList();
      case APACHE_APPLICATION, KUBEFLOW_APPLICATION -> client.genericKubernetesResources(
              SparkApplicationResources.of(kind)).inNamespace(namespace).withLabels(labels()).list().getItems()
          .stream().map(a -> job(a, kind, kind == JobKind.APACHE_APPLICATION ? ApacheApplicationState.of(a)
              : KubeflowApplicationState.of(a))).toList();
      case STANDALONE_DRIVER -> throw new IllegalStateException(
          "a release on a cluster has no local Standalone drivers");
    };
    return jobs.stream().sorted(Comparator.comparing(Job::created, Comparator.nullsLast(Comparator.naturalOrder()))
        .thenComparing(Job::id)).toList();
  }

  public KubernetesClient client() {
    return client;
  }

  public JobProfile profile() {
    return profile;
  }

  public String namespace() {
    return namespace;
  }

  /** The labels every job object of the release carries. */
  Map<String, String> labels() {
    return Map.of(ChartLabels.INSTANCE, profile.release(), ChartLabels.COMPONENT, ChartLabels.JOB_DRIVER_COMPONENT);
  }

  @Override
  public SparkK8sException unknown(String what) {
    return new SparkK8sException(ExitCode.BAD_INPUT, what + " of release " + profile.release() + " in namespace "
        + namespace);
  }

  private static Job job(HasMetadata object, JobKind kind, dev.sparkk8s.jobs.model.JobStatus status) {
    String created = object.getMetadata().getCreationTimestamp();
    return new Job(object.getMetadata().getName(), kind, status, created == null ? null : Instant.parse(created));
  }
}
