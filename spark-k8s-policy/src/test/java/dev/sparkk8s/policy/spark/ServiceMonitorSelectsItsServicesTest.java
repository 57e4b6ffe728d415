package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Monitors;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliant standalone release (master and workers with a web-ui port), the workers' metrics Service and a ServiceMonitor for it. */
class ServiceMonitorSelectsItsServicesTest {

  private static final String MONITOR = "ServiceMonitor/spark-worker";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();
  private final Service metrics = Monitors.metricsService("worker", "web-ui");
  private final GenericKubernetesResource monitor = Monitors.serviceMonitor("worker");

  ServiceMonitorSelectsItsServicesTest() {
    for (var daemon : List.of(release.worker(), release.master())) {
      daemon.getSpec().getTemplate().getSpec().getContainers().get(0)
          .setPorts(List.of(new ContainerPortBuilder().withName("web-ui").withContainerPort(8081).build()));
    }
    release.extra.add(metrics);
    release.extra.add(monitor);
  }

  @Test
  void theWorkersMonitorScrapesTheWorkers() {
    assertThat(release.check()).isEmpty();
  }

  @Test
  void aSelectorThatSelectsNoService() {
    Monitors.matchLabels(monitor).put("spark-k8s.io/metrics", "yes");

    Finding f = only(release.check(), ServiceMonitorSelectsItsServices.ID, MONITOR, null, "spec.selector");
    assertThat(f.message()).contains("selects no Service");
  }

  @Test
  void aServiceOfAnotherNamespaceIsNotSelected() {
    metrics.getMetadata().setNamespace("elsewhere");

    only(release.check(), ServiceMonitorSelectsItsServices.ID, MONITOR, null, "spec.selector");
  }

  @Test
  void aServiceInFrontOfAnotherComponentsPods() {
    metrics.getSpec().getSelector().put("app.kubernetes.io/component", "master");

    Finding f = only(release.check(), ServiceMonitorSelectsItsServices.ID, MONITOR, null, "spec.selector");
    assertThat(f.message()).contains("Service/spark-worker-metrics", "no pod of component worker");
  }

  @Test
  void anEndpointOnAPortTheServiceDoesNotHave() {
    Monitors.endpoint(monitor, 0).put("port", "web-ui");

    Finding f = only(release.check(), ServiceMonitorSelectsItsServices.ID, MONITOR, null, "spec.endpoints[0].port");
    assertThat(f.message()).contains("port web-ui is not a port of any Service it selects");
  }

  @Test
  void aServicePortWhoseTargetThePodsDoNotDeclare() {
    metrics.getSpec().getPorts().get(0).setTargetPort(new IntOrString("ui"));

    Finding f = only(release.check(), ServiceMonitorSelectsItsServices.ID, MONITOR, null, "spec.endpoints[0].port");
    assertThat(f.message()).contains("targets port ui, which none of its pods declares");
  }
}
