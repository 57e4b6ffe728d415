package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.PortNames;
import dev.sparkk8s.render.monitoring.AlertRule;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import dev.sparkk8s.render.monitoring.ScrapeEndpoint;
import dev.sparkk8s.render.monitoring.ScrapeMonitor;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Service;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * monitoring.*: metrics on for the Connect server, the Standalone master and workers on both Spark lines; the
 * metrics Services, ServiceMonitors, PodMonitors, the PrometheusRule and the dashboards, each only when asked.
 */
class MonitoringTest {

  private static final String STANDALONE = "spark.connect.mode.k8s.backend=standalone";
  private static final String ON = "monitoring.enabled=true";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kubernetes", "standalone", "operator"})
  void nothingOfItWithoutMonitoring(String backend) {
    RenderedRelease release = ChartFixture.render("spark.connect.mode.k8s.backend=" + backend,
        "spark.standalone.enabled=true");

    assertThat(release.yaml().toLowerCase()).doesNotContain("prometheus", "spark.metrics", "grafana");
    assertThat(release.objects(Service.class)).extracting(s -> s.getMetadata().getName())
        .noneMatch(name -> name.endsWith("-metrics"));
  }

  /** 3.5 serves neither the executors' metrics nor the status counters unless asked; 4.1 does: both are asked. */
  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void theDriverServesItsAndTheExecutorsMetricsUnderAStableName(String line) {
    ReleaseView view = new ReleaseView(ChartFixture.render("spark.version=" + line, STANDALONE, ON));

    assertThat(view.connectConf()).containsAllEntriesOf(Map.of(
        "spark.metrics.namespace", "spark",
        "spark.ui.prometheus.enabled", "true",
        "spark.metrics.appStatusSource.enabled", "true",
        "spark.metrics.conf.driver.sink.prometheusServlet.class", "org.apache.spark.metrics.sink.PrometheusServlet",
        "spark.metrics.conf.driver.sink.prometheusServlet.path", "/metrics/prometheus",
        "spark.metrics.conf.driver.source.jvm.class", "org.apache.spark.metrics.source.JvmSource"));
  }

  @Test
  void theOperatorsDriverGetsTheSameSettings() {
    JsonNode app = new ReleaseView(ChartFixture.render("spark.connect.mode.k8s.backend=operator", ON))
        .custom("SparkApplication", "connect");

    assertThat(app.path("spec").path("sparkConf").path("spark.metrics.conf.driver.sink.prometheusServlet.path")
        .asText()).isEqualTo("/metrics/prometheus");
  }

  @Test
  void theMasterAndTheWorkersServeTheirsThroughTheirJavaOptions() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE, ON));

    assertThat(env(view, "master", "SPARK_MASTER_OPTS")).contains(
        "-Dspark.deploy.recoveryMode=FILESYSTEM",
        "-Dspark.metrics.conf.master.sink.prometheusServlet.class=org.apache.spark.metrics.sink.PrometheusServlet",
        "-Dspark.metrics.conf.master.sink.prometheusServlet.path=/metrics/master/prometheus",
        "-Dspark.metrics.conf.applications.sink.prometheusServlet.path=/metrics/applications/prometheus",
        "-Dspark.metrics.conf.master.source.jvm.class=org.apache.spark.metrics.source.JvmSource");
    assertThat(env(view, "worker", "SPARK_WORKER_OPTS")).contains(
        "-Dspark.worker.preferConfiguredMasterAddress=true",
        "-Dspark.metrics.conf.worker.sink.prometheusServlet.path=/metrics/prometheus",
        "-Dspark.metrics.conf.worker.source.jvm.class=org.apache.spark.metrics.source.JvmSource");
    ReleaseView withoutRecovery = new ReleaseView(ChartFixture.render(STANDALONE, ON,
        "spark.standalone.master.recovery.enabled=false"));
    assertThat(env(withoutRecovery, "master", "SPARK_MASTER_OPTS")).doesNotContain("recoveryMode")
        .contains("-Dspark.metrics.conf.master.source.jvm.class=");
  }

  @Test
  void theHistoryServerHasNoMetricsToServe() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE, ON, "spark.eventLog.enabled=true",
        "spark.eventLog.existingClaim=events", "spark.historyServer.enabled=true"));

    assertThat(SparkDefaults.parse(view.configMap("history-conf").getData().get("spark-defaults.conf")).keySet())
        .noneMatch(key -> key.startsWith("spark.metrics"));
    assertThat(view.deployment("history").getSpec().getTemplate().getMetadata().getAnnotations())
        .doesNotContainKey("prometheus.io/scrape");
    assertThat(view.has("Service", ReleaseView.FULLNAME + "-history-metrics")).isFalse();
  }

  @Test
  void eachScrapedComponentHasAMetricsServiceAndAnnotatedPods() {
    ReleaseView view = new ReleaseView(ChartFixture.render(STANDALONE, ON));

    Map<String, String> firstPaths = Map.of("connect", "/metrics/prometheus/", "master", "/metrics/master/prometheus/",
        "worker", "/metrics/prometheus/");
    Map<String, String> ports = Map.of("connect", "4040", "master", "8080", "worker", "8081");
    firstPaths.forEach((component, path) -> {
      Service metrics = view.service(component + "-metrics");
      assertThat(metrics.getMetadata().getLabels()).containsEntry(ChartLabels.METRICS_SERVICE, "true")
          .containsEntry(ChartLabels.COMPONENT, component);
      assertThat(metrics.getSpec().getClusterIP()).isEqualTo("None");
      assertThat(metrics.getSpec().getPorts()).singleElement().satisfies(p -> {
        assertThat(p.getName()).isEqualTo(PortNames.METRICS);
        assertThat(p.getPort()).hasToString(ports.get(component));
      });
      Map<String, String> pod = podAnnotations(view, component);
      assertThat(pod).containsEntry("prometheus.io/scrape", "true").containsEntry("prometheus.io/path", path)
          .containsEntry("prometheus.io/port", ports.get(component));
    });
    assertThat(view.service("connect-metrics").getMetadata().getAnnotations())
        .containsEntry("prometheus.io/path", "/metrics/executors/prometheus");
    assertThat(view.service("master-metrics").getMetadata().getAnnotations())
        .containsEntry("prometheus.io/path", "/metrics/applications/prometheus/");
    assertThat(view.service("worker-metrics").getMetadata().getAnnotations()).isNullOrEmpty();
  }

  @Test
  void eachObjectOnlyWhenAsked() {
    Map<String, String> kinds = Map.of("serviceMonitor", "ServiceMonitor", "podMonitor", "PodMonitor",
        "prometheusRule", "PrometheusRule", "grafanaDashboards", "ConfigMap");
    kinds.forEach((value, kind) -> {
      RenderedRelease release = ChartFixture.render(STANDALONE, ON, "monitoring." + value + ".enabled=true");
      assertThat(monitoringKinds(release)).as(value).containsOnly(kind);
    });
    assertThat(monitoringKinds(ChartFixture.render(STANDALONE, ON))).isEmpty();
  }

  @Test
  void theMonitorsScrapeEveryPathOfEachComponent() {
    List<String> sets = new ArrayList<>(RenderCase.MONITORING);
    sets.add(STANDALONE);
    sets.add("monitoring.serviceMonitor.interval=15s");
    sets.add("monitoring.serviceMonitor.labels.release=kube-prometheus-stack");
    List<ScrapeMonitor> monitors = ScrapeMonitor.in(ChartFixture.render(sets.toArray(String[]::new)).objects());

    Map<String, List<String>> scraped = new TreeMap<>();
    for (ScrapeMonitor m : monitors) {
      assertThat(m.podTargetLabels()).containsExactly(ChartLabels.INSTANCE, ChartLabels.COMPONENT);
      assertThat(m.namespaces()).containsExactly("default");
      for (ScrapeEndpoint e : m.endpoints()) {
        scraped.computeIfAbsent(m.kind() + " " + m.component().orElseThrow(), k -> new ArrayList<>())
            .add(e.port() + " " + e.path() + " " + e.interval());
      }
      if (m.servicesMonitor()) {
        assertThat(m.object().getMetadata().getLabels()).containsEntry("release", "kube-prometheus-stack");
      }
    }
    assertThat(scraped).isEqualTo(Map.of(
        "PodMonitor connect", List.of("ui /metrics/prometheus/ 30s", "ui /metrics/executors/prometheus 30s"),
        "PodMonitor master", List.of("web-ui /metrics/master/prometheus/ 30s",
            "web-ui /metrics/applications/prometheus/ 30s"),
        "PodMonitor worker", List.of("web-ui /metrics/prometheus/ 30s"),
        "ServiceMonitor connect", List.of("metrics /metrics/prometheus/ 15s",
            "metrics /metrics/executors/prometheus 15s"),
        "ServiceMonitor master", List.of("metrics /metrics/master/prometheus/ 15s",
            "metrics /metrics/applications/prometheus/ 15s"),
        "ServiceMonitor worker", List.of("metrics /metrics/prometheus/ 15s")));
  }

  /** Spark builds the operator's driver pod and names its UI port spark-ui; no Standalone cluster, no daemons. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"kubernetes", "operator"})
  void onTheOtherBackendsOnlyTheDriverIsScraped(String backend) {
    List<String> sets = new ArrayList<>(RenderCase.MONITORING);
    sets.add("spark.connect.mode.k8s.backend=" + backend);
    List<ScrapeMonitor> monitors = ScrapeMonitor.in(ChartFixture.render(sets.toArray(String[]::new)).objects());

    assertThat(monitors).extracting(m -> m.component().orElseThrow()).containsOnly("connect");
    assertThat(monitors).filteredOn(m -> !m.servicesMonitor()).flatExtracting(ScrapeMonitor::endpoints)
        .extracting(ScrapeEndpoint::port).containsOnly("operator".equals(backend) ? "spark-ui" : "ui");
  }

  @Test
  void theAlertsCarryTheReleasesCountsAndPendingTime() {
    List<String> sets = new ArrayList<>(RenderCase.MONITORING);
    sets.addAll(List.of(STANDALONE, "spark.standalone.worker.replicas=3", "spark.executor.instances=4",
        "monitoring.prometheusRule.for=30s"));
    Map<String, AlertRule> alerts = alerts(sets);

    assertThat(alerts).containsOnlyKeys("SparkConnectServerDown", "SparkConnectNoExecutors", "SparkExecutorsLost",
        "SparkTaskFailuresHigh", "SparkDriverHeapNearLimit", "SparkExecutorGcTimeHigh", "SparkStandaloneMasterDown",
        "SparkStandaloneWorkerLost");
    assertThat(alerts.values()).allSatisfy(a -> {
      assertThat(a.pendingFor()).isEqualTo("30s");
      assertThat(a.annotations()).containsKeys("summary", "description", "runbook");
      assertThat(a.expr()).contains("namespace=\"default\"", "app_kubernetes_io_instance=\"spark\"");
    });
    assertThat(alerts.get("SparkStandaloneWorkerLost").expr()).endsWith("< 3");
    assertThat(alerts.get("SparkExecutorsLost").expr()).endsWith("< 4");
  }

  @Test
  void whatIsNotRenderedHasNoAlert() {
    List<String> sets = new ArrayList<>(RenderCase.MONITORING);
    sets.add("spark.executor.instances=min:0 max:3");
    assertThat(alerts(sets)).containsOnlyKeys("SparkConnectServerDown", "SparkConnectNoExecutors",
        "SparkTaskFailuresHigh", "SparkDriverHeapNearLimit", "SparkExecutorGcTimeHigh");

    sets.addAll(List.of("spark.eventLog.enabled=true", "spark.eventLog.existingClaim=events",
        "spark.historyServer.enabled=true"));
    AlertRule history = alerts(sets).get("SparkHistoryServerDown");
    assertThat(history.expr()).contains("deployment=\"spark-spark-k8s-history\"");
    assertThat(history.onlyOn()).hasValueSatisfying(o -> assertThat(o.name()).isEqualTo("KUBERNETES"));
  }

  @Test
  void theDashboardsFollowWhatRuns() {
    List<String> sets = new ArrayList<>(RenderCase.MONITORING);
    assertThat(dashboards(sets)).containsOnlyKeys("spark-k8s-overview.json");
    sets.add(STANDALONE);
    Map<String, ConfigMap> both = dashboards(sets);
    assertThat(both).containsOnlyKeys("spark-k8s-overview.json", "spark-k8s-standalone.json");
    both.forEach((file, cm) -> {
      assertThat(cm.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
      JsonNode dashboard = Json.yaml(cm.getData().get(file));
      assertThat(dashboard.path("uid").asText()).isEqualTo(file.replace(".json", ""));
      assertThat(dashboard.path("panels")).isNotEmpty();
    });
  }

  private static Map<String, AlertRule> alerts(List<String> sets) {
    return PrometheusRules.alerts(ChartFixture.render(sets.toArray(String[]::new)).objects()).stream()
        .collect(Collectors.toMap(AlertRule::alert, a -> a));
  }

  private static Map<String, ConfigMap> dashboards(List<String> sets) {
    return ChartFixture.render(sets.toArray(String[]::new)).objects(ConfigMap.class).stream()
        .filter(cm -> "monitoring".equals(cm.getMetadata().getLabels().get(ChartLabels.COMPONENT)))
        .collect(Collectors.toMap(cm -> cm.getData().keySet().iterator().next(), cm -> cm));
  }

  private static List<String> monitoringKinds(RenderedRelease release) {
    return release.objects().stream()
        .filter(o -> ScrapeMonitor.GROUP.equals(o.getApiVersion().split("/")[0])
            || "monitoring".equals(o.getMetadata().getLabels().get(ChartLabels.COMPONENT)))
        .map(o -> o.getKind()).distinct().toList();
  }

  private static String env(ReleaseView view, String component, String name) {
    return Stream.of(view.statefulSet(component).getSpec().getTemplate().getSpec().getContainers().get(0))
        .flatMap(c -> c.getEnv().stream()).filter(e -> name.equals(e.getName())).map(EnvVar::getValue)
        .findFirst().orElseThrow(() -> new AssertionError("no " + name + " on the " + component));
  }

  private static Map<String, String> podAnnotations(ReleaseView view, String component) {
    return "connect".equals(component)
        ? view.deployment(component).getSpec().getTemplate().getMetadata().getAnnotations()
        : view.statefulSet(component).getSpec().getTemplate().getMetadata().getAnnotations();
  }
}
