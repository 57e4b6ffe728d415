package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * What the local Prometheus scrapes of the release {@code up --local --monitoring} renders (two workers): the
 * monitors' endpoints (or the annotations) at the local port of the container port each names, with the labels
 * the Prometheus Operator gives a target. Every container port is given a local port 10000 above it, so an
 * address that was not rewritten shows.
 */
class ScrapeJobsTest {

  private static final Path CHART = SparkHome.projectDir().resolve("charts/spark-k8s");

  @Test
  void theServiceMonitorsEndpointsAtTheirLocalAddresses() {
    Map<String, String> scraped = scraped(jobs(true));

    assertThat(scraped).isEqualTo(new TreeMap<>(Map.of(
        "serviceMonitor/default/local-spark-k8s-connect/0 connect", "127.0.0.1:14040/metrics/prometheus/",
        "serviceMonitor/default/local-spark-k8s-connect/1 connect", "127.0.0.1:14040/metrics/executors/prometheus",
        "serviceMonitor/default/local-spark-k8s-master/0 master", "127.0.0.1:18080/metrics/master/prometheus/",
        "serviceMonitor/default/local-spark-k8s-master/1 master", "127.0.0.1:18080/metrics/applications/prometheus/",
        "serviceMonitor/default/local-spark-k8s-worker/0 worker-1", "127.0.0.1:18081/metrics/prometheus/",
        "serviceMonitor/default/local-spark-k8s-worker/0 worker-2", "127.0.0.1:18082/metrics/prometheus/")));
  }

  @Test
  void eachTargetHasTheLabelsTheOperatorGivesIt() {
    ScrapeJob.Target worker = jobs(true).stream().filter(j -> j.name().contains("worker")).findFirst().orElseThrow()
        .targets().get(0);

    assertThat(worker.labels()).containsAllEntriesOf(Map.of("job", "local-spark-k8s-worker-metrics",
        "namespace", "default", "service", "local-spark-k8s-worker-metrics", "endpoint", "metrics", "pod", "worker-1",
        "container", "spark-worker", "app_kubernetes_io_instance", "local", "app_kubernetes_io_component", "worker"));
    assertThat(worker.labels()).containsEntry("__meta_kubernetes_service_label_spark_k8s_io_metrics", "true")
        .containsEntry("__meta_kubernetes_pod_label_app_kubernetes_io_name", "spark-k8s");
  }

  @Test
  void withoutMonitorsThePrometheusIoAnnotations() {
    List<ScrapeJob> jobs = jobs(false);

    assertThat(jobs).extracting(ScrapeJob::name).containsExactly("kubernetes-pods", "kubernetes-service-endpoints");
    Map<String, String> paths = jobs.stream().flatMap(j -> j.targets().stream())
        .collect(Collectors.toMap(t -> t.labels().containsKey("service") ? t.labels().get("service") : t.labels().get("pod"),
            t -> t.address() + t.labels().get("__metrics_path__")));
    assertThat(paths).isEqualTo(Map.of(
        "connect", "127.0.0.1:14040/metrics/prometheus/",
        "master", "127.0.0.1:18080/metrics/master/prometheus/",
        "worker-1", "127.0.0.1:18081/metrics/prometheus/",
        "worker-2", "127.0.0.1:18082/metrics/prometheus/",
        "local-spark-k8s-connect-metrics", "127.0.0.1:14040/metrics/executors/prometheus",
        "local-spark-k8s-master-metrics", "127.0.0.1:18080/metrics/applications/prometheus/"));
    assertThat(jobs.get(0).targets()).filteredOn(t -> "worker-2".equals(t.labels().get("pod"))).singleElement()
        .satisfies(t -> assertThat(t.labels()).containsEntry("app_kubernetes_io_component", "worker")
            .containsEntry("app_kubernetes_io_instance", "local"));
  }

  @Test
  void aPodMonitorScrapesThePodsOwnPort() {
    List<ScrapeJob> jobs = jobs(render("monitoring.serviceMonitor.enabled=false", "monitoring.podMonitor.enabled=true"));

    assertThat(scraped(jobs)).containsEntry("podMonitor/default/local-spark-k8s-worker/0 worker-2",
        "127.0.0.1:18082/metrics/prometheus/");
    assertThat(jobs.get(0).targets().get(0).labels()).containsEntry("job", "default/local-spark-k8s-connect");
  }

  @Test
  void relabelingsAreWrittenInPrometheusSpelling() {
    RenderedRelease release = withRelabeling(render(), Map.of("sourceLabels", List.of("__meta_kubernetes_pod_name"),
        "targetLabel", "instance_pod"));

    assertThat(jobs(release).get(0).relabelings()).containsExactly(
        Map.of("source_labels", List.of("__meta_kubernetes_pod_name"), "target_label", "instance_pod"));
  }

  /** The release with a relabeling on the first endpoint of its first monitor. */
  @SuppressWarnings("unchecked")
  static RenderedRelease withRelabeling(RenderedRelease release, Map<String, Object> relabeling) {
    StringBuilder yaml = new StringBuilder();
    boolean first = true;
    for (HasMetadata o : release.objects()) {
      if (first && o instanceof GenericKubernetesResource monitor && "ServiceMonitor".equals(o.getKind())) {
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        Map<String, Object> endpoint = ((List<Map<String, Object>>) spec.get("endpoints")).get(0);
        endpoint.put("relabelings", List.of(relabeling));
        first = false;
      }
      yaml.append("---\n# Source: spark-k8s/templates/test.yaml\n").append(Serialization.asYaml(o).replaceFirst("^---\n", ""));
    }
    return RenderedRelease.parse(yaml.toString());
  }

  private static List<ScrapeJob> jobs(boolean monitors) {
    return jobs(monitors ? render() : render("monitoring.serviceMonitor.enabled=false"));
  }

  private static List<ScrapeJob> jobs(RenderedRelease release) {
    return ScrapeJobs.of(release, ChartContainer.of(release), addresses(release));
  }

  static RenderedRelease render(String... sets) {
    return LocalChart.render(new LocalOptions("4.1", UserValues.sets(List.of(sets)), 2, null, Path.of("unused"), CHART,
        true));
  }

  /** Every container port at the port 10000 above it (worker-2's web UI one more, as a second worker's would be). */
  static LocalAddresses addresses(RenderedRelease release) {
    List<ChartContainer> containers = ChartContainer.of(release);
    Map<String, Map<Integer, Integer>> ports = new HashMap<>();
    for (ChartContainer c : containers) {
      Map<Integer, Integer> local = new LinkedHashMap<>();
      for (ContainerPort p : c.container().getPorts()) {
        local.put(p.getContainerPort(), p.getContainerPort() + 10000 + (c.instance().equals("worker-2") ? 1 : 0));
      }
      ports.put(c.instance(), local);
    }
    return new LocalAddresses(containers, release.objects(Service.class), LocalPlatform.NAMESPACE, Path.of("unused"),
        ports, Map.of());
  }

  private static Map<String, String> scraped(List<ScrapeJob> jobs) {
    Map<String, String> out = new TreeMap<>();
    jobs.forEach(j -> j.targets().forEach(t -> out.put(j.name() + " " + t.labels().get("pod"), t.address() + j.path())));
    return out;
  }
}
