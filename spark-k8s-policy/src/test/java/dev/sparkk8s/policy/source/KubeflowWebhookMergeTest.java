package dev.sparkk8s.policy.source;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The steps of the kubeflow operator's pod building that decide what the pod holds. */
class KubeflowWebhookMergeTest {

  private final CompliantRelease release = new CompliantRelease();

  private KubeflowWebhookMerge.Pod executor() {
    return KubeflowWebhookMerge.pod(release.kubeflowApp, SparkRole.EXECUTOR);
  }

  private static Container container(KubeflowWebhookMerge.Pod pod, String name) {
    return pod.site().spec().getContainers().stream().filter(c -> name.equals(c.getName())).findFirst().orElseThrow();
  }

  @Test
  void typedEnvAndMountsGoToTheSparkContainerWhichSparkPutsLast() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().getContainers()
        .add(0, new ContainerBuilder().withName("log-shipper").withImage("fluent-bit").build()));
    release.kubeflowRole("executor").put("env", List.of(SparkApplicationFixtures.toMap(
        new EnvVarBuilder().withName("TZ").withValue("UTC").build())));

    KubeflowWebhookMerge.Pod pod = executor();

    assertThat(pod.site().spec().getContainers()).extracting(Container::getName)
        .containsExactly("log-shipper", "spark-kubernetes-executor");
    Container spark = container(pod, "spark-kubernetes-executor");
    assertThat(spark.getEnv()).extracting(e -> e.getName()).containsExactly("TZ");
    assertThat(spark.getVolumeMounts()).extracting(m -> m.getMountPath()).containsExactly("/tmp/spark-local");
    assertThat(container(pod, "log-shipper").getEnv()).isEmpty();
    assertThat(pod.origin(spark.getEnv().get(0))).isEqualTo("spec.executor.env[TZ]");
  }

  @Test
  void withAnotherNameSparkTakesTheFirstContainerAndTheWebhookPatchesTheFirstOfThePod() {
    release.editKubeflowTemplate("executor", t -> {
      t.getSpec().getContainers().get(0).setName("spark-executor");
      t.getSpec().getContainers().add(new ContainerBuilder().withName("log-shipper").withImage("fluent-bit").build());
    });

    KubeflowWebhookMerge.Pod pod = executor();

    assertThat(pod.site().spec().getContainers()).extracting(Container::getName)
        .containsExactly("log-shipper", "spark-executor");
    assertThat(container(pod, "log-shipper").getVolumeMounts()).extracting(m -> m.getMountPath())
        .containsExactly("/tmp/spark-local");
  }

  @Test
  void everyTypedMountAddsItsVolumeOnceWithoutLookingAtTheTemplate() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().setVolumes(List.of(
        new VolumeBuilder().withName("spark-local").withNewEmptyDir().endEmptyDir().build())));

    assertThat(executor().site().spec().getVolumes()).extracting(v -> v.getName())
        .containsExactly("spark-local", "spark-local");
  }

  @Test
  void aTypedInitContainerOfTheSameNameAndImageIsNotAddedAgain() {
    Container init = new ContainerBuilder().withName("init").withImage("busybox").build();
    release.editKubeflowTemplate("executor", t -> t.getSpec().setInitContainers(List.of(init)));
    release.kubeflowRole("executor").put("initContainers", List.of(SparkApplicationFixtures.toMap(init),
        SparkApplicationFixtures.toMap(new ContainerBuilder(init).withImage("busybox:1").build())));

    assertThat(executor().site().spec().getInitContainers()).extracting(Container::getImage)
        .containsExactly("busybox", "busybox:1");
  }

  @Test
  void theApplicationsLabelsReachThePodAndTheRolesLabelsComeLast() {
    release.kubeflowApp.getMetadata().setLabels(Map.of("app.kubernetes.io/component", "connect", "team", "data"));
    release.kubeflowRole("executor").put("labels", Map.of("app.kubernetes.io/component", "executor"));

    PodSite site = executor().site();

    assertThat(site.labels()).containsEntry("app.kubernetes.io/component", "executor").containsEntry("team", "data");
    assertThat(site.metadataPath().of("labels[app.kubernetes.io/component]"))
        .isEqualTo("spec.executor.labels[app.kubernetes.io/component]");
  }

  @Test
  void theDriverRunsAsTheTypedServiceAccount() {
    PodSite site = KubeflowWebhookMerge.pod(release.kubeflowApp, SparkRole.DRIVER).site();

    assertThat(site.spec().getServiceAccountName()).isEqualTo("spark");
    assertThat(site.specPath().of("serviceAccountName")).isEqualTo("spec.driver.serviceAccount");
  }
}
