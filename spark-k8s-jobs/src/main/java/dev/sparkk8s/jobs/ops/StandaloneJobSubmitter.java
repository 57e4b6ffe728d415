package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.jobs.submit.SubmissionJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;

/**
 * Submits a job on the standalone backend: creates its Kubernetes Job, whose pod runs spark-submit in cluster deploy
 * mode against the release's master and ends as the driver does.
 */
public final class StandaloneJobSubmitter {

  private final JobCatalog catalog;

  public StandaloneJobSubmitter(JobCatalog catalog) {
    this.catalog = catalog;
  }

  /** Creates the Job and returns the job's id. */
  public String submit(JobRequest request) {
    var jobs = catalog.client().batch().v1().jobs().inNamespace(catalog.namespace());
    if (jobs.withName(request.name()).get() != null) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "--name " + request.name() + ": job " + request.name()
          + " exists in namespace " + catalog.namespace() + "; give another name, or remove it with jobs kill");
    }
    Job job = SubmissionJob.of(catalog.profile(), request, catalog.namespace());
    return jobs.resource(job).create().getMetadata().getName();
  }
}
