package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.submit.ApacheSparkApplication;
import dev.sparkk8s.jobs.submit.JobRequest;
import dev.sparkk8s.jobs.submit.KubeflowSparkApplication;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;

/** Submits a job on the operator backend: creates its SparkApplication of the profile's flavor. */
public final class ApplicationSubmitter {

  private final JobCatalog catalog;

  public ApplicationSubmitter(JobCatalog catalog) {
    this.catalog = catalog;
  }

  /** Creates the application and returns the job's id. */
  public String submit(JobRequest request) {
    JobProfile profile = catalog.profile();
    JobKind kind = profile.kind();
    GenericKubernetesResource app = kind == JobKind.KUBEFLOW_APPLICATION
        ? KubeflowSparkApplication.of(profile, request, catalog.namespace())
        : ApacheSparkApplication.of(profile, request, catalog.namespace());
    return catalog.client().genericKubernetesResources(SparkApplicationResources.of(kind))
        .inNamespace(catalog.namespace()).resource(app).create().getMetadata().getName();
  }
}
