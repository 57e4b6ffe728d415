package dev.sparkk8s.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The parts of Prometheus's HTTP API the load report reads: instant and range queries. */
public final class PrometheusApi {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final String url;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** A Prometheus server at {@code url} (http://host:port, or with a path prefix), after checking that it answers. */
  public static PrometheusApi at(String url) {
    if (!url.matches("https?://.+")) {
      throw new ScenarioException("--prometheus " + url + ": give the server's URL, e.g. http://127.0.0.1:9090");
    }
    PrometheusApi api = new PrometheusApi(url.replaceAll("/+$", ""));
    try {
      api.get("/api/v1/status/buildinfo");
    } catch (PrometheusException e) {
      throw new LoadUnreachableException("--prometheus " + url + ": no Prometheus answers there (" + e.getMessage()
          + "); spark-k8s up --local --monitoring prints its URL", e);
    }
    return api;
  }

  private PrometheusApi(String url) {
    this.url = url;
  }

  public String url() {
    return url;
  }

  /** Each series of a range query: its labels and its (time, value) samples. */
  List<RangeSeries> range(String query, Instant start, Instant end, Duration step) {
    JsonNode result = get("/api/v1/query_range?query=" + encode(query) + "&start=" + seconds(start) + "&end="
        + seconds(end) + "&step=" + step.toSeconds() + "s").path("data").path("result");
    List<RangeSeries> out = new ArrayList<>();
    for (JsonNode s : result) {
      List<double[]> samples = new ArrayList<>();
      s.path("values").forEach(v -> samples.add(new double[] {v.get(0).asDouble(), Double.parseDouble(v.get(1).asText())}));
      out.add(new RangeSeries(s.path("metric").toString(), samples));
    }
    return out;
  }

  /** The sum of an instant query's values at {@code time}, or NaN when it returns no series. */
  double instant(String query, Instant time) {
    JsonNode result = get("/api/v1/query?query=" + encode(query) + "&time=" + seconds(time)).path("data").path("result");
    if (result.isEmpty()) {
      return Double.NaN;
    }
    double sum = 0;
    for (JsonNode s : result) {
      sum += Double.parseDouble(s.path("value").get(1).asText());
    }
    return sum;
  }

  record RangeSeries(String labels, List<double[]> samples) {
  }

  private JsonNode get(String path) {
    HttpResponse<String> r;
    try {
      r = http.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new PrometheusException(url + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new PrometheusException("interrupted", e);
    }
    JsonNode body;
    try {
      body = JSON.readTree(r.body());
    } catch (IOException e) {
      throw new PrometheusException(url + path + " answered HTTP " + r.statusCode() + " with no Prometheus API reply", e);
    }
    if (r.statusCode() != 200 || !"success".equals(body.path("status").asText())) {
      throw new PrometheusException(url + path + ": HTTP " + r.statusCode() + " " + body.path("error").asText(), null);
    }
    return body;
  }

  private static String seconds(Instant t) {
    return String.format(java.util.Locale.ROOT, "%.3f", t.toEpochMilli() / 1000.0);
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** Prometheus did not answer a query. */
  static final class PrometheusException extends RuntimeException {
    PrometheusException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
