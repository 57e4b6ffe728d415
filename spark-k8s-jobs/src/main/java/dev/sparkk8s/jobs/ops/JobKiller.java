package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.jobs.model.Job;
import io.fabric8.kubernetes.api.model.DeletionPropagation;
import java.util.List;

/**
 * Stops jobs as Spark's {@code spark-submit --kill} does on Kubernetes: deletes the driver pod with the grace period
 * of {@code spark.kubernetes.appKillPodDeletionGracePeriod} (the profile's; the pod's own without it), so the driver
 * gets SIGTERM and that long to stop. A SparkApplication is deleted (its operator stops its pods); a Job with its pods
 * in the foreground.
 */
public final class JobKiller {

  private final JobCatalog catalog;

  public JobKiller(JobCatalog catalog) {
    this.catalog = catalog;
  }

  /** Kills every job the id or glob names, and returns their ids; exit code 2 when it names none. */
  public List<String> kill(JobGlob glob) {
    List<Job> jobs = catalog.matching(glob);
    jobs.forEach(this::kill);
    return jobs.stream().map(Job::id).toList();
  }

  private void kill(Job job) {
    var client = catalog.client();
    String ns = catalog.namespace();
    Long grace = catalog.profile().killGracePeriodSeconds().orElse(null);
    switch (job.kind()) {
      case DRIVER_POD -> {
        var pod = client.pods().inNamespace(ns).withName(job.id());
        (grace == null ? pod : pod.withGracePeriod(grace)).delete();
      }
      case SUBMISSION_JOB -> client.batch().v1().jobs().inNamespace(ns).withName(job.id())
          .withPropagationPolicy(DeletionPropagation.FOREGROUND).delete();
      case APACHE_APPLICATION, KUBEFLOW_APPLICATION -> client.genericKubernetesResources(
          SparkApplicationResources.of(job.kind())).inNamespace(ns).withName(job.id()).delete();
      case STANDALONE_DRIVER -> throw new IllegalStateException(
          "a release on a cluster has no local Standalone drivers");
    }
  }
}
