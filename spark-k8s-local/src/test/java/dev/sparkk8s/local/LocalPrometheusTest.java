package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.monitoring.AlertRule;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Prometheus server of Debian's package, started as {@code up --local --monitoring} starts it: it scrapes
 * its jobs (a job's relabeling reading a {@code __meta_kubernetes_*} label, as the operator's would) and loads the
 * release's alerts as its rules; {@code down} stops it.
 */
class LocalPrometheusTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path runDir;

  private HttpServer metrics;
  private final List<LocalProcess> started = new ArrayList<>();

  @BeforeEach
  void serveMetrics() throws IOException {
    metrics = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    metrics.createContext("/metrics/prometheus/", exchange -> {
      byte[] body = "metrics_worker_coresUsed_Value{type=\"gauges\"} 2\n".getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
    metrics.start();
  }

  @AfterEach
  void stop() {
    ProcessStopper.stop(started, runDir);
    metrics.stop(0);
  }

  @Test
  void scrapesItsJobsWithTheirRelabelingsAndLoadsTheReleasesAlerts() {
    ScrapeJob job = new ScrapeJob("serviceMonitor/default/local-spark-k8s-worker/0", "/metrics/prometheus/", "1s",
        List.of(new ScrapeJob.Target("127.0.0.1:" + metrics.getAddress().getPort(),
            Map.of("job", "local-spark-k8s-worker-metrics", "__meta_kubernetes_pod_name", "worker-1"))),
        List.of(Map.of("source_labels", List.of("__meta_kubernetes_pod_name"), "target_label", "pod")));
    RenderedRelease release = ScrapeJobsTest.render();

    LocalProcess prometheus = start(List.of(job), release);

    assertThat(prometheus.name()).isEqualTo(LocalPrometheus.NAME);
    assertThat(prometheus.component()).isNull();
    boolean scraped = Poll.every(Duration.ofMillis(500), Duration.ofSeconds(30))
        .until(() -> !query(prometheus, "metrics_worker_coresUsed_Value{pod=\"worker-1\"} == 2").isEmpty());
    assertThat(scraped).as("the job's target scraped, its pod label from the relabeling").isTrue();
    List<String> rules = new ArrayList<>();
    get(prometheus, "/api/v1/rules").path("data").path("groups")
        .forEach(g -> g.path("rules").forEach(r -> rules.add(r.path("name").asText())));
    assertThat(rules).containsExactlyElementsOf(
        PrometheusRules.alerts(release.objects()).stream().map(AlertRule::alert).toList()).hasSize(9);

    assertThat(ProcessStopper.stop(List.of(prometheus), runDir)).as("processes down stops").isEqualTo(1);
    assertThat(prometheus.alive()).isFalse();
  }

  @Test
  void aConfigurationItRefusesFailsWithItsLog() {
    ScrapeJob job = new ScrapeJob("bad", "/metrics", "1s", List.of(), List.of(Map.of("action", "no-such-action")));

    assertThatThrownBy(() -> start(List.of(job), ScrapeJobsTest.render()))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageStartingWith("Prometheus did not start")
        .hasMessageContaining("no-such-action");
  }

  @Test
  void withoutTheProgramOneLineSaysHowToInstallIt() {
    assertThatThrownBy(() -> LocalPrometheus.binary("/nonexistent:" + runDir))
        .isInstanceOfSatisfying(LocalInputException.class, e -> {
          assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
          assertThat(e.lines()).containsExactly("--monitoring: no prometheus program on the PATH; install Debian's "
              + "prometheus package (apt-get install prometheus)");
        });
  }

  private LocalProcess start(List<ScrapeJob> jobs, RenderedRelease release) {
    LocalProcess p = LocalPrometheus.start(LocalPrometheus.binary(), jobs, release, runDir, LocalPorts.ephemeral().any());
    started.add(p);
    return p;
  }

  private static List<JsonNode> query(LocalProcess prometheus, String promql) {
    List<JsonNode> out = new ArrayList<>();
    get(prometheus, "/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data")
        .path("result").forEach(out::add);
    return out;
  }

  private static JsonNode get(LocalProcess prometheus, String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus.url() + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }
}
