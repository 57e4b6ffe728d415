package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Labels;
import dev.sparkk8s.policy.testing.Monitors;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The compliant standalone release with a PodMonitor for the workers' web-ui port. */
class PodMonitorSelectsItsPodsTest {

  private static final String MONITOR = "PodMonitor/spark-worker";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();
  private final GenericKubernetesResource monitor = Monitors.podMonitor("worker", "web-ui");

  PodMonitorSelectsItsPodsTest() {
    release.worker().getSpec().getTemplate().getSpec().getContainers().get(0)
        .setPorts(List.of(new ContainerPortBuilder().withName("web-ui").withContainerPort(8081).build()));
    release.extra.add(monitor);
  }

  @Test
  void theWorkersMonitorScrapesTheWorkers() {
    assertThat(release.check()).isEmpty();
  }

  @Test
  void aSelectorThatSelectsNoPod() {
    Monitors.matchLabels(monitor).put("app.kubernetes.io/instance", "other");

    Finding f = only(release.check(), PodMonitorSelectsItsPods.ID, "PodMonitor/spark-worker", null, "spec.selector");
    assertThat(f.message()).contains("selects no pod");
  }

  @Test
  void aSelectorThatAlsoSelectsTheMaster() {
    Monitors.matchLabels(monitor).remove("app.kubernetes.io/component");
    Monitors.matchLabels(monitor).put("app.kubernetes.io/component", "master");
    monitor.getMetadata().getLabels().put("app.kubernetes.io/component", "worker");

    List<Finding> findings = release.check().stream().filter(f -> f.field().equals("spec.selector")).toList();
    Finding f = only(findings, PodMonitorSelectsItsPods.ID, MONITOR, null, "spec.selector");
    assertThat(f.message()).contains("StatefulSet/spark-master", "not of component worker");
  }

  @Test
  void anEndpointOnAPortThePodsDoNotDeclare() {
    Monitors.endpoint(monitor, 0).put("port", "ui");

    Finding f = only(release.check(), PodMonitorSelectsItsPods.ID, MONITOR, null, "spec.podMetricsEndpoints[0].port");
    assertThat(f.message()).contains("StatefulSet/spark-worker", "no container port named ui");
  }

  /** Spark adds the driver's UI port, spark-ui, to the driver pod it builds for a SparkApplication. */
  @Test
  void aSparkApplicationsDriverHasSparksUiPort() {
    Map<String, String> labels = new LinkedHashMap<>(Labels.of("connect"));
    labels.put("operator", "apache");
    release.editApacheTemplate("driver", t -> t.getMetadata().setLabels(labels));
    GenericKubernetesResource driver = Monitors.podMonitor("connect", "spark-ui");
    Monitors.matchLabels(driver).put("operator", "apache");
    release.extra.add(driver);
    assertThat(release.check()).isEmpty();

    Monitors.endpoint(driver, 0).put("port", "ui");
    Finding f = only(release.check(), PodMonitorSelectsItsPods.ID, "PodMonitor/spark-connect", null,
        "spec.podMetricsEndpoints[0].port");
    assertThat(f.message()).contains("SparkApplication/spark-pi", "no container port named ui");
  }
}
