package dev.sparkk8s.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the server-side figures of a load run from Prometheus: the executors' CPU time (the executor and worker
 * containers' {@code container_cpu_usage_seconds_total}, which a kubelet serves as cAdvisor metrics and
 * {@code up --local --monitoring} serves too), their GC time and their shuffle bytes (the Connect server's
 * executor metrics, {@code metrics_executor_*}). Each is plotted over the run and totalled.
 */
public final class ServerFigures {

  /** Containers whose CPU is executor work: the chart's executor pods, Spark's default name, Standalone workers. */
  static final String EXECUTOR_CONTAINERS = "spark-executor|spark-kubernetes-executor|spark-worker";
  private static final String CPU = "container_cpu_usage_seconds_total";
  private static final String GC = "metrics_executor_totalGCTime_seconds_total";
  private static final String SHUFFLE_READ = "metrics_executor_totalShuffleRead_bytes_total";
  private static final String SHUFFLE_WRITE = "metrics_executor_totalShuffleWrite_bytes_total";
  private static final String EXECUTORS_ONLY = "executor_id!=\"driver\"";
  private static final Counter CPU_TIME = new Counter("cores", CPU, "container=~\"" + EXECUTOR_CONTAINERS + "\"");
  private static final Counter GC_TIME = new Counter("GC", GC, EXECUTORS_ONLY);
  private static final Counter SHUFFLE_READ_BYTES = new Counter("read", SHUFFLE_READ, EXECUTORS_ONLY);
  private static final Counter SHUFFLE_WRITE_BYTES = new Counter("write", SHUFFLE_WRITE, EXECUTORS_ONLY);
  private static final Duration RATE_WINDOW = Duration.ofSeconds(30);
  private static final Duration SCRAPE_WAIT = Duration.ofMinutes(2);
  private static final int MAX_POINTS = 120;

  private final PrometheusApi prometheus;
  private final String namespace;
  private final Consumer<String> progress;

  /** @param namespace the release's namespace, or null for every series Prometheus has */
  public ServerFigures(PrometheusApi prometheus, String namespace, Consumer<String> progress) {
    this.prometheus = prometheus;
    this.namespace = namespace;
    this.progress = progress;
  }

  /** The figures of the run from {@code start} to {@code end}; what Prometheus cannot give is listed, not thrown. */
  public ServerMetrics collect(Instant start, Instant end) {
    List<String> problems = new ArrayList<>();
    awaitScrapeAfter(end, problems);
    List<ServerMetrics.Figure> figures = new ArrayList<>();
    figures.add(figure("executorCpu", "Executor CPU",
        "CPU cores the executor and worker containers used (" + CPU + ")", "cores", "CPU seconds",
        List.of(CPU_TIME), start, end, problems));
    figures.add(figure("gcTime", "Executor GC time", "Seconds per second the executors spent in GC (" + GC + ")",
        "GC s/s", "GC seconds", List.of(GC_TIME), start, end, problems));
    figures.add(figure("shuffleBytes", "Shuffle I/O", "Bytes per second the executors read and wrote for shuffles",
        "bytes/s", "bytes", List.of(SHUFFLE_READ_BYTES, SHUFFLE_WRITE_BYTES), start, end, problems));
    return new ServerMetrics(prometheus.url(), List.copyOf(figures), List.copyOf(problems));
  }

  /** A counter of one figure and the label matcher that picks the executors' series. */
  private record Counter(String name, String metric, String matcher) {
  }

  private ServerMetrics.Figure figure(String key, String title, String description, String unit, String totalUnit,
      List<Counter> counters, Instant start, Instant end, List<String> problems) {
    Duration step = step(start, end);
    List<ServerMetrics.Line> lines = new ArrayList<>();
    for (Counter c : counters) {
      String selector = selector(c);
      String rate = "sum(rate(" + selector + "[" + RATE_WINDOW.toSeconds() + "s]))";
      String total = "sum(increase(" + selector + "[" + Math.max(1, Duration.between(start, end).toSeconds()) + "s]))";
      List<double[]> points = new ArrayList<>();
      double sum = Double.NaN;
      try {
        for (PrometheusApi.RangeSeries s : prometheus.range(rate, start, end, step)) {
          s.samples().forEach(v -> points.add(new double[] {v[0] - start.toEpochMilli() / 1000.0, v[1]}));
        }
        sum = prometheus.instant(total, end);
      } catch (PrometheusApi.PrometheusException e) {
        problems.add(title + " (" + c.name() + "): " + e.getMessage());
      }
      if (points.isEmpty()) {
        problems.add(title + " (" + c.name() + "): Prometheus has no " + c.metric() + " series"
            + (namespace == null ? "" : " in namespace " + namespace) + " for the run");
      }
      lines.add(new ServerMetrics.Line(c.name(), rate, sum, List.copyOf(points)));
    }
    return new ServerMetrics.Figure(key, title, description, unit, totalUnit, List.copyOf(lines));
  }

  /**
   * Waits until Prometheus has scraped every figure's metric after the run ended (at most {@link #SCRAPE_WAIT}),
   * so that the totals count the run's last seconds; a metric it has no series of is not waited for.
   */
  private void awaitScrapeAfter(Instant end, List<String> problems) {
    List<String> metrics = List.of(selector(CPU_TIME), selector(GC_TIME));
    progress.accept("reading the run's server figures from " + prometheus.url());
    long deadline = System.nanoTime() + SCRAPE_WAIT.toNanos();
    for (String m : metrics) {
      try {
        while (true) {
          double latest = prometheus.instant("max(timestamp(" + m + "))", Instant.now());
          if (Double.isNaN(latest) || latest * 1000 >= end.toEpochMilli()) {
            break;
          }
          if (System.nanoTime() > deadline) {
            problems.add("Prometheus had not scraped " + m + " since the run ended; its last seconds are missing");
            break;
          }
          Thread.sleep(1000);
        }
      } catch (PrometheusApi.PrometheusException e) {
        problems.add(m + ": " + e.getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private String selector(Counter c) {
    String ns = namespace == null ? "" : "namespace=\"" + namespace + "\", ";
    return c.metric() + "{" + ns + c.matcher() + "}";
  }

  /** A step that gives at most {@link #MAX_POINTS} points over the run, one second at least. */
  static Duration step(Instant start, Instant end) {
    long seconds = Math.max(1, Duration.between(start, end).toSeconds());
    return Duration.ofSeconds(Math.max(1, (seconds + MAX_POINTS - 1) / MAX_POINTS));
  }
}
