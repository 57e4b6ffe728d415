package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalConnectAuth;
import dev.sparkk8s.local.LocalPrometheus;
import dev.sparkk8s.local.LocalState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code spark-k8s load} against {@code up --local --monitoring} (the standalone backend) on Spark 3.5 and 4.1,
 * the run's shared platforms, with the data on their embedded S3 server; after the run, its Prometheus has a
 * series of every metric the chart's dashboards and alerts use, and every panel's query returns data (what
 * only Kubernetes can have excepted); the report has the executors' CPU time, GC time and shuffle bytes read from
 * that Prometheus. A worker lost during a load run: {@link WorkerLossIT}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class LoadLocalIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void mixedRunIsGreenItsReportRendersAndPrometheusHasEveryMetric(String version, SharedPlatforms platforms,
      @TempDir Path report) throws Exception {
    SharedPlatforms.Platform platform = platforms.of(version);
    String url = platform.connectUrl();
    // On the platform's embedded S3 server (S3LocalIT); on the local file system: WorkerLossIT.
    String data = "s3a://spark-data/load-" + version;

    String prometheus = LocalPrometheus.url(LocalState.read(platform.runDir()).orElseThrow()).orElseThrow();

    // Through the platform's TLS proxy (--auth), trusting its CA as a user would.
    String ca = LocalConnectAuth.caCertificate(platform.runDir()).orElseThrow().toString();
    Cli.Result mixed = Cli.run("load", "--connect", url, "--ca-cert", ca, "--scenario", "mixed", "--sessions", "2",
        "--duration", "20s", "--scale", "0.2", "--data", data, "--report", report.toString(), "--prometheus", prometheus,
        "--namespace", "default");
    assertThat(mixed.exitCode()).as(mixed.toString()).isZero();
    assertThat(mixed.out()).contains("queries, 0 failed", "report: ");
    JsonNode json = LoadReports.json(report);
    LoadReports.assertConsistent(json);
    assertThat(json.path("failed").asInt()).isZero();
    assertThat(json.path("queries").asInt()).isGreaterThan(2);
    assertThat(json.at("/server/sparkVersion").asText()).startsWith(version + ".");
    String token = LocalConnectAuth.token(platform.runDir()).orElseThrow();
    assertThat(json.at("/server/connectUrl").asText()).as("the URL in the report").endsWith(";token=***");
    assertThat(Files.readString(report.resolve("report.html")) + Files.readString(report.resolve("report.json"))
        + mixed.out() + mixed.err()).as("the report and the output").doesNotContain(token);
    assertThat(json.at("/server/backend").asText()).isEqualTo("standalone");
    assertThat(json.path("perQueryType").size()).isGreaterThan(1);
    assertThat(json.at("/scenario/dataDir").asText()).isEqualTo(data);
    assertThat(EmbeddedS3.dataDir(platform.runDir()).resolve("spark-data/load-" + version)).as("the tables, in the bucket")
        .isDirectoryContaining(f -> f.getFileName().toString().startsWith("sales-"));
    assertServerFigures(json.path("serverMetrics"), prometheus);
    HeadlessChromium.assertReportRenders(report.resolve("report.html"));
    assertThat(Files.readString(report.resolve("report.html"))).as("the server figures' charts")
        .contains("id=\"executorCpu\"", "id=\"gcTime\"", "id=\"shuffleBytes\"").doesNotContain("No data.");
    assertPrometheusHasWhatTheDashboardsAndAlertsAskFor(platform.runDir());
  }

  /** The executors' CPU (the local kubelet's container metrics), GC time and shuffle bytes, plotted and totalled. */
  private static void assertServerFigures(JsonNode server, String prometheus) {
    assertThat(server.path("prometheus").asText()).isEqualTo(prometheus);
    assertThat(server.path("problems")).as("server figures not read").isEmpty();
    for (String line : List.of("executorCpu/lines/cores", "gcTime/lines/GC", "shuffleBytes/lines/read",
        "shuffleBytes/lines/write")) {
      assertThat(server.at("/figures/" + line + "/points")).as(line + " points").isNotEmpty();
      assertThat(server.at("/figures/" + line + "/total").isNumber()).as(line + " total").isTrue();
    }
    assertThat(server.at("/figures/executorCpu/lines/cores/total").asDouble()).as("executor CPU seconds").isPositive();
    assertThat(server.at("/figures/shuffleBytes/lines/read/total").asDouble()).as("shuffle bytes read").isPositive();
    assertThat(server.at("/figures/shuffleBytes/lines/write/total").asDouble()).as("shuffle bytes written").isPositive();
  }

  private static void assertPrometheusHasWhatTheDashboardsAndAlertsAskFor(Path runDir) {
    LocalMonitoring monitoring = LocalMonitoring.of(runDir);
    List<LocalMonitoring.Query> panels = monitoring.panelQueries();
    List<LocalMonitoring.Query> all = new ArrayList<>(panels);
    all.addAll(monitoring.alertQueries());
    // Scraped every 5 s: the run's last figures (executors' heartbeats, counters) reach it within a few scrapes.
    Poll.every(Duration.ofSeconds(2), Duration.ofSeconds(60))
        .until(() -> monitoring.namesWithoutSeries(all).isEmpty() && monitoring.queriesWithoutData(panels).isEmpty());

    assertThat(monitoring.targetsDown()).as("scrape targets not up").isEmpty();
    assertThat(monitoring.namesWithoutSeries(all)).as("metrics of the dashboards and alerts without a series").isEmpty();
    assertThat(monitoring.queriesWithoutData(panels)).as("dashboard panels without data").isEmpty();
    assertThat(monitoring.unhealthyRules()).as("alert rules Prometheus cannot evaluate").isEmpty();
  }

  @Test
  void anImpossibleCriterionFails(SharedPlatforms platforms, @TempDir Path data, @TempDir Path report)
      throws Exception {
    String url = platforms.of("4.1").connectUrl();

    Cli.Result red = Cli.run("load", "--connect", url, "--scenario", "smoke", "--iterations", "2", "--max-p95", "1ms",
        "--data", data.toString(), "--report", report.toString());
    assertThat(red.exitCode()).as(red.toString()).isEqualTo(1);
    assertThat(red.err()).contains("criterion failed: latencyP95 <= 1ms");
    JsonNode json = LoadReports.json(report);
    assertThat(LoadReports.criterionPassed(json, "latencyP95")).isFalse();
    assertThat(LoadReports.criterionPassed(json, "successRate")).isTrue();
    assertThat(json.path("green").asBoolean()).isFalse();
  }
}
