package dev.sparkk8s.load;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small inline SVG charts: no script, no fetch, readable in any browser and in print. */
final class SvgCharts {

  static final int WIDTH = 760;
  static final int HEIGHT = 260;
  private static final int LEFT = 60;
  private static final int BOTTOM = 30;
  private static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"};

  private SvgCharts() {
  }

  static String color(int i) {
    return COLORS[i % COLORS.length];
  }

  /** Latency of every query over the run; failures as red crosses. */
  static String latencyOverTime(List<QueryRecord> records, long runMs) {
    long maxLatency = Math.max(1, records.stream().mapToLong(QueryRecord::latencyMs).max().orElse(1));
    StringBuilder svg = frame("latency-over-time", "seconds into the run", "latency (ms)", maxLatency, runMs / 1000.0);
    for (QueryRecord q : records) {
      double x = x(q.offsetMs() / 1000.0, runMs / 1000.0);
      double y = y(q.latencyMs(), maxLatency);
      if (q.ok()) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"point\" cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
            + "<title>%s %d ms</title></circle>", x, y, color(q.type().ordinal()), q.type().key(), q.latencyMs()));
      } else {
        svg.append(String.format(Locale.ROOT, "<path class=\"failure\" d=\"M%.1f %.1f l6 6 m0 -6 l-6 6\" "
            + "stroke=\"#d62728\" stroke-width=\"2\"><title>failed: %s</title></path>", x - 3, y - 3,
            Html.escape(q.error())));
      }
    }
    return svg.append("</svg>").toString();
  }

  /** Grouped bars: p50, p95, p99 per query type. */
  static String percentilesPerType(Map<QueryType, LatencyStats> perType) {
    long max = Math.max(1, perType.values().stream().mapToLong(LatencyStats::p99).max().orElse(1));
    StringBuilder svg = frame("percentiles-per-type", "query type", "latency (ms)", max, 0);
    double group = (WIDTH - LEFT - 20.0) / Math.max(1, perType.size());
    int i = 0;
    for (Map.Entry<QueryType, LatencyStats> e : perType.entrySet()) {
      long[] values = {e.getValue().p50(), e.getValue().p95(), e.getValue().p99()};
      String[] names = {"p50", "p95", "p99"};
      for (int k = 0; k < 3; k++) {
        double barX = LEFT + i * group + 10 + k * (group - 20) / 3;
        double barY = y(values[k], max);
        svg.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" "
            + "fill=\"%s\" opacity=\"%.2f\"><title>%s %s %d ms</title></rect>", barX, barY, (group - 20) / 3 - 2,
            HEIGHT - BOTTOM - barY, color(e.getKey().ordinal()), 0.45 + 0.25 * k, e.getKey().key(), names[k], values[k]));
      }
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
          LEFT + i * group + group / 2, HEIGHT - 12, e.getKey().key()));
      i++;
    }
    return svg.append("</svg>").toString();
  }

  /** Queries finished per second over the run. */
  static String throughput(List<QueryRecord> records, long runMs) {
    int seconds = (int) Math.max(1, Math.ceil(runMs / 1000.0));
    int[] perSecond = new int[seconds + 1];
    for (QueryRecord q : records) {
      perSecond[(int) Math.min(seconds, (q.offsetMs() + q.latencyMs()) / 1000)]++;
    }
    int max = 1;
    for (int v : perSecond) {
      max = Math.max(max, v);
    }
    StringBuilder svg = frame("throughput", "seconds into the run", "queries/s", max, seconds);
    StringBuilder points = new StringBuilder();
    for (int s = 0; s <= seconds; s++) {
      points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(s, seconds), y(perSecond[s], max)));
    }
    svg.append("<polyline class=\"line\" fill=\"none\" stroke=\"#1f77b4\" stroke-width=\"2\" points=\"")
        .append(points.toString().strip()).append("\"/>");
    return svg.append("</svg>").toString();
  }

  /** Lines of (seconds into the run, value), one color each. */
  static String lines(String id, String yLabel, List<ServerMetrics.Line> lines, double runSeconds) {
    double max = lines.stream().flatMap(l -> l.points().stream()).mapToDouble(p -> p[1]).max().orElse(0);
    max = max > 0 ? max : 1;
    StringBuilder svg = frame(id, "seconds into the run", yLabel, max, runSeconds);
    for (int i = 0; i < lines.size(); i++) {
      StringBuilder points = new StringBuilder();
      for (double[] p : lines.get(i).points()) {
        points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(Math.max(0, Math.min(p[0], runSeconds)), runSeconds),
            y(p[1], max)));
      }
      svg.append(String.format(Locale.ROOT, "<polyline class=\"line\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\" "
          + "points=\"%s\"><title>%s</title></polyline>", color(i), points.toString().strip(),
          Html.escape(lines.get(i).name())));
    }
    return svg.append("</svg>").toString();
  }

  private static StringBuilder frame(String id, String xLabel, String yLabel, double yMax, double xMax) {
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
        "<svg id=\"%s\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" role=\"img\">",
        id, WIDTH, HEIGHT, WIDTH, HEIGHT));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
        LEFT, HEIGHT - BOTTOM, WIDTH - 10, HEIGHT - BOTTOM));
    svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"10\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>",
        LEFT, LEFT, HEIGHT - BOTTOM));
    for (int t = 0; t <= 4; t++) {
      double value = yMax * t / 4;
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"10\" text-anchor=\"end\">%s</text>",
          LEFT - 4, y(value, yMax) + 3, value >= 10 ? String.valueOf(Math.round(value)) : String.format(Locale.ROOT, "%.1f", value)));
    }
    if (xMax > 0) {
      svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">%.0f</text>",
          WIDTH - 10, HEIGHT - BOTTOM + 14, xMax));
    }
    svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%s</text>",
        (LEFT + WIDTH) / 2, HEIGHT - 2, xLabel));
    svg.append(String.format(Locale.ROOT, "<text x=\"12\" y=\"%d\" font-size=\"11\" transform=\"rotate(-90 12 %d)\" "
        + "text-anchor=\"middle\">%s</text>", HEIGHT / 2, HEIGHT / 2, yLabel));
    return svg;
  }

  private static double x(double value, double max) {
    return LEFT + (WIDTH - LEFT - 20) * (max <= 0 ? 0 : value / max);
  }

  private static double y(double value, double max) {
    return HEIGHT - BOTTOM - (HEIGHT - BOTTOM - 10) * (value / max);
  }
}
