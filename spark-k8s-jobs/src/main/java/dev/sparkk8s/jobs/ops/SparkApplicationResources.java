package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.submit.ApacheSparkApplication;
import dev.sparkk8s.jobs.submit.KubeflowSparkApplication;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;

/** The SparkApplication resource of each operator flavor, without asking the API server's discovery. */
final class SparkApplicationResources {

  private SparkApplicationResources() {
  }

  static ResourceDefinitionContext of(JobKind kind) {
    String apiVersion = kind == JobKind.KUBEFLOW_APPLICATION ? KubeflowSparkApplication.API_VERSION
        : ApacheSparkApplication.API_VERSION;
    String[] groupVersion = apiVersion.split("/");
    return new ResourceDefinitionContext.Builder().withGroup(groupVersion[0]).withVersion(groupVersion[1])
        .withKind("SparkApplication").withPlural("sparkapplications").withNamespaced(true).build();
  }
}
