package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubernetes backend with Spark's own Kubernetes scheduler: the chart's Connect server (the
 * driver) against a Kubernetes API, executors as pods Spark created from the chart's template,
 * run by the local kubelet.
 */
class KubernetesBackendIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void queriesRunOnExecutorPodsFromTheChartsTemplateWithinTheRolesPermissions(String version,
      @TempDir Path runDir, @TempDir Path scratch) {
    try (KubernetesBackendRun run = KubernetesBackendRun.start(Charts.chartDir(), version,
        List.of("spark.executor.instances=2"), runDir)) {
      QueryMix.runAll(run.connectUrl(), scratch);

      List<Pod> pods = run.kubelet().startedPods();
      assertThat(pods).as("executor pods Spark created").hasSizeGreaterThanOrEqualTo(2);
      for (Pod pod : pods) {
        assertThat(pod.getMetadata().getLabels())
            .containsEntry("app.kubernetes.io/component", "executor")
            .containsEntry("app.kubernetes.io/instance", "spark")
            .containsEntry("spark-role", "executor");
        assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        Container executor = pod.getSpec().getContainers().get(0);
        assertThat(executor.getName()).isEqualTo("spark-executor");
        assertThat(executor.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(executor.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(executor.getResources().getLimits().get("memory").toString()).isEqualTo("1408Mi");
      }
      assertThat(run.kubelet().refused()).isEmpty();

      List<ApiRequest> requests = run.api().requests();
      assertThat(requests).as("the driver used the API").isNotEmpty();
      assertThat(RbacCheck.denied(requests, run.roles())).as("requests the chart's Role does not allow").isEmpty();
    }
  }
}
