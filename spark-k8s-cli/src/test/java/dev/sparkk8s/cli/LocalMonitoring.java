package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.local.LocalPrometheus;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.monitoring.AlertRule;
import dev.sparkk8s.render.monitoring.OnlyOn;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The Prometheus of a platform started with {@code up --local --monitoring}, and what the release it rendered asks
 * of it: every expression of the dashboards' panels and of the alerts, parsed from the rendered objects. Panels and
 * alerts whose description marks them {@link OnlyOn} are left out where this platform cannot have their data.
 */
final class LocalMonitoring {

  /** Values of the dashboards' variables on {@code up --local}: its namespace and release, a rate window. */
  private static final Map<String, String> VARIABLES = Map.of("$namespace", "default", "$release", "local",
      "$__rate_interval", "1m");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** One query of a dashboard panel or an alert, and where it comes from. */
  record Query(String where, String expr, boolean excused) {
  }

  private final String prometheus;
  private final RenderedRelease release;

  private LocalMonitoring(String prometheus, RenderedRelease release) {
    this.prometheus = prometheus;
    this.release = release;
  }

  static LocalMonitoring of(Path runDir) {
    LocalState state = LocalState.read(runDir).orElseThrow(() -> new AssertionError("no run state in " + runDir));
    String url = LocalPrometheus.url(state).orElseThrow(() -> new AssertionError("the platform runs no Prometheus"));
    try {
      return new LocalMonitoring(url, RenderedRelease.parse(Files.readString(runDir.resolve("release.yaml"))));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every panel query of every rendered dashboard, the Standalone platform's marks applied, variables substituted. */
  List<Query> panelQueries() {
    List<Query> out = new ArrayList<>();
    for (ConfigMap cm : release.objects(ConfigMap.class)) {
      if (!Component.MONITORING.labels(cm)) {
        continue;
      }
      cm.getData().forEach((file, text) -> panels(file, json(text).path("panels"), out));
    }
    assertThat(out).as("panel queries of the rendered dashboards").isNotEmpty();
    return out;
  }

  /** Every alert's expression. */
  List<Query> alertQueries() {
    List<AlertRule> alerts = PrometheusRules.alerts(release.objects());
    assertThat(alerts).as("alerts of the rendered PrometheusRule").isNotEmpty();
    return alerts.stream().map(a -> new Query("alert " + a.alert(), a.expr(), excused(a.onlyOn().orElse(null))))
        .toList();
  }

  /** The metric names of these queries (the excused ones left out) that have no series in Prometheus. */
  Set<String> namesWithoutSeries(List<Query> queries) {
    Set<String> missing = new TreeSet<>();
    for (PromqlMetricNames.MetricName name : PromqlMetricNames.of(
        queries.stream().filter(q -> !q.excused()).map(Query::expr).toList())) {
      if (get("/api/v1/series?match[]=" + encode(name.selector())).path("data").isEmpty()) {
        missing.add(name.selector());
      }
    }
    return missing;
  }

  /** The queries (the excused ones left out) that return nothing now. */
  Set<String> queriesWithoutData(List<Query> queries) {
    Set<String> empty = new TreeSet<>();
    for (Query q : queries) {
      if (!q.excused() && get("/api/v1/query?query=" + encode(q.expr())).path("data").path("result").isEmpty()) {
        empty.add(q.where() + ": " + q.expr());
      }
    }
    return empty;
  }

  /** The alerts Prometheus has firing now. */
  Set<String> firingAlerts() {
    Set<String> firing = new TreeSet<>();
    get("/api/v1/alerts").path("data").path("alerts").forEach(a -> {
      if ("firing".equals(a.path("state").asText())) {
        firing.add(a.path("labels").path("alertname").asText());
      }
    });
    return firing;
  }

  /** Rules whose last evaluation failed, with the error. */
  Set<String> unhealthyRules() {
    Set<String> bad = new TreeSet<>();
    get("/api/v1/rules").path("data").path("groups").forEach(g -> g.path("rules").forEach(r -> {
      if (!"ok".equals(r.path("health").asText()) && !"unknown".equals(r.path("health").asText())) {
        bad.add(r.path("name").asText() + ": " + r.path("lastError").asText());
      }
    }));
    return bad;
  }

  /** Scrape targets that are not up, with their errors. */
  Set<String> targetsDown() {
    Set<String> down = new TreeSet<>();
    get("/api/v1/targets").path("data").path("activeTargets").forEach(t -> {
      if (!"up".equals(t.path("health").asText())) {
        down.add(t.path("scrapeUrl").asText() + " " + t.path("health").asText() + " " + t.path("lastError").asText());
      }
    });
    return down;
  }

  private static void panels(String dashboard, JsonNode panels, List<Query> out) {
    for (JsonNode panel : panels) {
      panels(dashboard, panel.path("panels"), out);
      boolean excused = excused(OnlyOn.of(panel.path("description").asText(null)).orElse(null));
      for (JsonNode target : panel.path("targets")) {
        String expr = target.path("expr").asText();
        for (Map.Entry<String, String> v : VARIABLES.entrySet()) {
          expr = expr.replace(v.getKey(), v.getValue());
        }
        out.add(new Query(dashboard + " / " + panel.path("title").asText(), expr, excused));
      }
    }
  }

  /** The local runtime is a Standalone cluster on no Kubernetes: what only Kubernetes has, it cannot have. */
  private static boolean excused(OnlyOn onlyOn) {
    return onlyOn == OnlyOn.KUBERNETES;
  }

  private JsonNode get(String path) {
    try {
      HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(prometheus + path)).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
      return JSON.readTree(r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
