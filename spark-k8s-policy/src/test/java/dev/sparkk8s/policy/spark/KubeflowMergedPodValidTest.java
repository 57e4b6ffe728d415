package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The compliant kubeflow executor has a template (container spark-kubernetes-executor) and mounts spec.volumes
 * spark-local at /tmp/spark-local through spec.executor.volumeMounts: the webhook appends both to the pod.
 */
class KubeflowMergedPodValidTest {

  private static final String KUBEFLOW = "SparkApplication/spark-pi-kubeflow";
  private static final String EXECUTOR = "spark-kubernetes-executor";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void aVolumeInTheTemplateAndInSpecVolumesIsThereTwice() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().setVolumes(List.of(
        new VolumeBuilder().withName("spark-local").withNewEmptyDir().endEmptyDir().build())));

    Finding f = only(release.check(), KubeflowMergedPodValid.ID, KUBEFLOW, null, "spec.volumes[spark-local]");
    assertThat(f.message()).contains("volume spark-local is defined twice in the executor pod")
        .contains("spec.executor.template.spec.volumes[spark-local]").contains("rejects");
  }

  @Test
  void aMountInTheTemplateAndInTheTypedVolumeMountsIsThereTwice() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().getContainers().get(0).setVolumeMounts(List.of(
        new VolumeMountBuilder().withName("spark-local").withMountPath("/tmp/spark-local").build())));

    Finding f = only(release.check(), KubeflowMergedPodValid.ID, KUBEFLOW, EXECUTOR,
        "spec.executor.volumeMounts[/tmp/spark-local]");
    assertThat(f.message()).contains("mounted at /tmp/spark-local")
        .contains("spec.executor.template.spec.containers[spark-kubernetes-executor].volumeMounts[/tmp/spark-local]");
  }

  @Test
  void anEnvVarInTheTemplateAndInTheTypedEnvIsThereTwice() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().getContainers().get(0).setEnv(List.of(
        new EnvVarBuilder().withName("HOME").withValue("/tmp").build())));
    release.kubeflowRole("executor").put("env", List.of(SparkApplicationFixtures.toMap(
        new EnvVarBuilder().withName("HOME").withValue("/tmp").build())));

    Finding f = only(release.check(), KubeflowMergedPodValid.ID, KUBEFLOW, EXECUTOR, "spec.executor.env[HOME]");
    assertThat(f.message()).contains("env HOME is set twice");
  }

  @Test
  void aTemplateContainerNotNamedAsTheOperatorForces() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().getContainers().get(0).setName("spark-executor"));

    Finding f = only(release.check(), KubeflowMergedPodValid.ID, KUBEFLOW, null,
        "spec.executor.template.spec.containers");
    assertThat(f.message()).contains("no container named spark-kubernetes-executor");
    assertThat(f.fix()).contains("spark-kubernetes-executor");
  }

  @Test
  void aSparkConfContainerNameTheOperatorOverrides() {
    SparkApplicationFixtures.path(release.kubeflowApp, "spec", "sparkConf")
        .put("spark.kubernetes.driver.podTemplateContainerName", "spark-driver");

    Finding f = only(release.check(), KubeflowMergedPodValid.ID, KUBEFLOW, null,
        "spec.sparkConf[spark.kubernetes.driver.podTemplateContainerName]");
    assertThat(f.message()).contains("the operator passes spark-kubernetes-driver");
  }

  @Test
  void theMatchingSparkConfContainerNameIsFine() {
    SparkApplicationFixtures.path(release.kubeflowApp, "spec", "sparkConf")
        .put("spark.kubernetes.executor.podTemplateContainerName", EXECUTOR);

    assertThat(release.check()).isEmpty();
  }
}
