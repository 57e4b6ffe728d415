package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spark.secrets reach the Spark driver and its executors (the executor pod spec, the operator's pods, the Standalone
 * workers whose executors inherit their files and environment) exactly once each, through the pod spec and not
 * through Spark's secret keys, and no other pod; the chart holds no secret value.
 */
class JobSecretsTest {

  private static final String MOUNT = "/etc/secrets/tls";
  private static final Map<String, Object> VALUES = Map.of(
      "spark.secrets", List.of(
          Map.of("secretName", "warehouse-db", "key", "password", "envName", "DB_PASSWORD"),
          Map.of("secretName", "tls-certs", "mountPath", MOUNT)),
      // A History Server, which runs no job code: it must not get them.
      "spark.eventLog.enabled", true, "spark.eventLog.existingClaim", "spark-events",
      "spark.historyServer.enabled", true);

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void everyPodOfTheJobGetsEachSecretOnce(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, VALUES);
    assertThat(pods.sparkPods()).hasSize(2);
    pods.sparkPods().forEach((role, pod) -> {
      Container spark = JobPods.spark(pod);
      assertThat(spark.getEnv()).as(role).filteredOn(e -> e.getName().equals("DB_PASSWORD")).singleElement()
          .satisfies(e -> {
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("warehouse-db");
            assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("password");
          });
      assertThat(secretVolumes(pod)).as(role).hasSize(1);
      Volume volume = secretVolumes(pod).get(0);
      assertThat(volume.getSecret().getSecretName()).isEqualTo("tls-certs");
      assertThat(spark.getVolumeMounts()).as(role).filteredOn(m -> m.getName().equals(volume.getName()))
          .singleElement().satisfies(m -> {
            assertThat(m.getMountPath()).isEqualTo(MOUNT);
            assertThat(m.getReadOnly()).isTrue();
          });
    });
    assertThat(pods.conf().keySet()).as("Spark's own secret keys would mount them a second time")
        .noneMatch(k -> k.contains(".secrets.") || k.contains(".secretKeyRef."));
    assertThat(pods.view().release().ofKind("Secret")).isEmpty();
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void podsThatRunNoJobCodeGetNone(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, VALUES);
    List<PodSpec> others = new ArrayList<>();
    others.add(pods.view().deployment("history").getSpec().getTemplate().getSpec());
    if (backend.equals("standalone")) {
      others.add(pods.view().statefulSet("master").getSpec().getTemplate().getSpec());
    }
    for (PodSpec pod : others) {
      assertThat(secretVolumes(pod)).isEmpty();
      assertThat(JobPods.spark(pod).getEnv()).extracting(EnvVar::getName).doesNotContain("DB_PASSWORD");
      assertThat(JobPods.spark(pod).getVolumeMounts()).extracting(VolumeMount::getMountPath).doesNotContain(MOUNT);
    }
  }

  private static List<Volume> secretVolumes(PodSpec pod) {
    return pod.getVolumes().stream().filter(v -> v.getSecret() != null).toList();
  }
}
