package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.KeyToPathBuilder;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecutorTemplateMountedTest {

  private static final String CONNECT = "Deployment/spark-connect";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void templateNotMounted() {
    release.connectContainer().getVolumeMounts().removeIf(m -> m.getName().equals("executor-template"));

    Finding f = only(release.check(), ExecutorTemplateMounted.ID, CONNECT, "spark-connect",
        "spec.template.spec.containers[spark-connect].volumeMounts");
    assertThat(f.message()).contains("/opt/spark/pod-templates/executor-pod-template.yaml");
  }

  @Test
  void mountedConfigMapIsNotRendered() {
    templateVolume().getConfigMap().setName("spark-executor-template-old");

    Finding f = only(release.check(), ExecutorTemplateMounted.ID, CONNECT, "spark-connect",
        "spec.template.spec.volumes[executor-template].configMap");
    assertThat(f.message()).contains("spark-executor-template-old");
  }

  @Test
  void templateFileNameIsNotAKeyOfTheConfigMap() {
    release.sparkDefaults.put("spark.kubernetes.executor.podTemplateFile", "/opt/spark/pod-templates/executor.yaml");

    Finding f = only(release.check(), ExecutorTemplateMounted.ID, CONNECT, "spark-connect",
        "spec.template.spec.volumes[executor-template].configMap");
    assertThat(f.message()).contains("executor.yaml");
  }

  @Test
  void itemsMapTheKeyToTheFileName() {
    release.sparkDefaults.put("spark.kubernetes.executor.podTemplateFile", "/opt/spark/pod-templates/executor.yaml");
    templateVolume().getConfigMap().setItems(List.of(new KeyToPathBuilder()
        .withKey(CompliantRelease.TEMPLATE_KEY).withPath("executor.yaml").build()));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void subPathMountAtTheExactPath() {
    VolumeMount mount = release.connectContainer().getVolumeMounts().stream()
        .filter(m -> m.getName().equals("executor-template")).findFirst().orElseThrow();
    mount.setMountPath("/opt/spark/pod-templates/executor-pod-template.yaml");
    mount.setSubPath(CompliantRelease.TEMPLATE_KEY);

    assertThat(release.check()).isEmpty();
  }

  @Test
  void noTemplateFileNoRequirement() {
    release.sparkDefaults.remove("spark.kubernetes.executor.podTemplateFile");
    release.connectContainer().getVolumeMounts().removeIf(m -> m.getName().equals("executor-template"));

    assertThat(release.check()).isEmpty();
  }

  private Volume templateVolume() {
    return release.connectPod().getVolumes().stream()
        .filter(v -> v.getName().equals("executor-template")).findFirst().orElseThrow();
  }
}
