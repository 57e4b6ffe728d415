package dev.sparkk8s.bench;

import dev.sparkk8s.load.HtmlReport;
import dev.sparkk8s.load.JsonReport;
import dev.sparkk8s.load.LatencyStats;
import dev.sparkk8s.load.LoadResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Throughput and p95 of {@code spark-k8s load} ({@code mixed} scenario) at 1, 2, 4, 8, 16 and 32
 * concurrent sessions (or the {@code --sessions} given), on {@code up --local} (standalone backend)
 * or on the Kubernetes harness ({@code --backend kubernetes}); each step's ratio is against the
 * first step of the same run. Every step also writes the load command's own report.json and
 * report.html.
 */
final class LoadScalingBench {

  private static final Duration STEP = Duration.ofSeconds(30);

  private final BenchOptions options;

  LoadScalingBench(BenchOptions options) {
    this.options = options;
  }

  ResultTable run() {
    ResultTable table = new ResultTable("Load scaling: spark-k8s load --scenario mixed, " + options.backend() + " backend",
        "Spark", "backend", "sessions", "queries", "failed", "queries/s", "p50 ms", "p95 ms", "qps / first step");
    for (String line : options.lines()) {
      Path work = options.workDir("scaling-" + line + "-" + options.backend());
      List<double[]> curve = new ArrayList<>();
      try (ConnectPlatform platform = ConnectPlatform.start(options, line, work.resolve("run"))) {
        double base = 0;
        for (int sessions : options.sessions()) {
          LoadResult result = step(platform.connectUrl(), sessions, work);
          LatencyStats s = result.overall();
          double qps = result.throughputQps();
          base = base == 0 ? qps : base;
          curve.add(new double[] {sessions, qps, s.p95()});
          table.row(line, options.backend(), String.valueOf(sessions), String.valueOf(s.queries()), String.valueOf(s.failed()),
              String.format(Locale.ROOT, "%.2f", qps), String.valueOf(s.p50()), String.valueOf(s.p95()),
              String.format(Locale.ROOT, "%.2f", base == 0 ? 0 : qps / base));
        }
      }
      if (curve.size() > 1) {
        writePlot(line + "-" + options.backend(), curve);
      }
    }
    table.note("Each step: " + STEP.toSeconds() + " s of the mixed scenario at --scale " + LoadStep.SCALE
        + " (every answer checked); per-step report.json/report.html under " + options.runRoot() + ".");
    table.note("Plot: bench/results/load-scaling-<spark>-<backend>.svg (queries/s and p95 against sessions), when "
        + "more than one step ran.");
    table.note(options.backend().equals("standalone")
        ? "Deployment: up --local (" + (options.workers() == null ? "the development preset" : options.workers() + " workers") + ")."
        : "Deployment: the Kubernetes harness (fabric8 mock API, the local kubelet running executor pods as JVMs).");
    if (!options.sets().isEmpty()) {
      table.note("--set: " + String.join(" ", options.sets()));
    }
    return table;
  }

  private LoadResult step(String url, int sessions, Path work) {
    Log.say("  " + sessions + " sessions");
    LoadResult result = LoadStep.mixed(url, sessions, STEP, work.resolve("data").toString());
    try {
      Path report = Files.createDirectories(work.resolve("report-" + sessions));
      JsonReport.write(result, report.resolve("report.json"));
      HtmlReport.write(result, report.resolve("report.html"));
      return result;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the step's report: " + e.getMessage(), e);
    }
  }

  /** Two polylines, queries/s (blue, left scale) and p95 (orange, right scale), over sessions (log2). */
  private void writePlot(String line, List<double[]> curve) {
    double maxQps = curve.stream().mapToDouble(p -> p[1]).max().orElse(1);
    double maxP95 = curve.stream().mapToDouble(p -> p[2]).max().orElse(1);
    StringBuilder qps = new StringBuilder();
    StringBuilder p95 = new StringBuilder();
    StringBuilder labels = new StringBuilder();
    double maxLog = Math.max(1, Math.log(curve.get(curve.size() - 1)[0]) / Math.log(2));
    for (double[] p : curve) {
      double x = 50 + 500 * (Math.log(p[0]) / Math.log(2)) / maxLog;
      qps.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 230 - 200 * p[1] / Math.max(maxQps, 1e-9)));
      p95.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, 230 - 200 * p[2] / Math.max(maxP95, 1e-9)));
      labels.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"248\" font-size=\"11\" text-anchor=\"middle\">%d</text>",
          x, (int) p[0]));
    }
    String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"270\">"
        + "<line x1=\"50\" y1=\"230\" x2=\"560\" y2=\"230\" stroke=\"#333\"/>" + labels
        + "<text x=\"300\" y=\"265\" font-size=\"11\" text-anchor=\"middle\">concurrent sessions</text>"
        + String.format(Locale.ROOT, "<text x=\"5\" y=\"20\" font-size=\"11\" fill=\"#1f77b4\">queries/s (max %.2f)</text>", maxQps)
        + String.format(Locale.ROOT, "<text x=\"400\" y=\"20\" font-size=\"11\" fill=\"#ff7f0e\">p95 ms (max %.0f)</text>", maxP95)
        + "<polyline fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"" + qps.toString().strip() + "\"/>"
        + "<polyline fill=\"none\" stroke=\"#ff7f0e\" stroke-width=\"2\" points=\"" + p95.toString().strip() + "\"/>"
        + "<text x=\"300\" y=\"40\" font-size=\"12\" text-anchor=\"middle\">Spark " + line.replace("-", ", ") + " backend</text></svg>\n";
    try {
      Files.createDirectories(options.resultsDir());
      Files.writeString(options.resultsDir().resolve("load-scaling-" + line + ".svg"), svg);
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the plot: " + e.getMessage(), e);
    }
  }
}
