package dev.sparkk8s.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.testing.CompliantRelease;
import org.junit.jupiter.api.Test;

class CompliantReleaseTest {

  @Test
  void compliantKubernetesReleaseHasNoFindings() {
    assertThat(new CompliantRelease().check()).isEmpty();
  }

  @Test
  void compliantStandaloneReleaseHasNoFindings() {
    assertThat(new CompliantRelease().withStandaloneBackend().check()).isEmpty();
  }

  @Test
  void everyObjectOfTheFixtureIsLookedAt() {
    CompliantRelease release = new CompliantRelease();
    Manifests manifests = new Manifests(release.objects());

    assertThat(manifests.podSites()).extracting(s -> s.resource() + " " + s.specPath()).containsExactlyInAnyOrder(
        "ConfigMap/spark-executor-pod-template data[executor-pod-template.yaml].spec",
        "Deployment/spark-connect spec.template.spec",
        "SparkApplication/spark-pi spec.driverSpec.podTemplateSpec.spec",
        "SparkApplication/spark-pi spec.executorSpec.podTemplateSpec.spec",
        "SparkApplication/spark-pi-kubeflow spec.driver.template.spec",
        "SparkApplication/spark-pi-kubeflow spec.executor.template.spec");
  }
}
