package dev.sparkk8s.load;

import dev.sparkk8s.connect.ConnectUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page (inline CSS and SVG, nothing fetched) with the
 * verdict first, then latency over time, percentiles per query type, throughput and failures.
 */
public final class HtmlReport {

  private HtmlReport() {
  }

  public static void write(LoadResult r, Path file) throws IOException {
    Files.writeString(file, of(r));
  }

  static String of(LoadResult r) {
    LatencyStats all = r.overall();
    long runMs = Math.max(1, Duration.between(r.start(), r.end()).toMillis());
    Scenario s = r.options().scenario();
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>spark-k8s load: ")
        .append(Html.escape(s.name())).append("</title><style>")
        .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:820px;color:#222}")
        .append("table{border-collapse:collapse;margin:.5em 0}td,th{border:1px solid #ccc;padding:.25em .6em;text-align:right}")
        .append("th{background:#f3f3f3}.pass{color:#2ca02c;font-weight:bold}.fail{color:#d62728;font-weight:bold}")
        .append(".verdict{font-size:1.4em;padding:.4em .8em;border-radius:6px;display:inline-block}")
        .append(".green{background:#e6f4e6}.red{background:#fbe4e4}td.l{text-align:left}</style></head><body>");
    h.append("<h1>Load test: ").append(Html.escape(s.name())).append("</h1>");
    h.append("<p class=\"verdict ").append(r.green() ? "green\" id=\"verdict\">GREEN" : "red\" id=\"verdict\">RED")
        .append("</p>");
    h.append("<p>Spark ").append(Html.escape(r.serverSparkVersion())).append(" (").append(Html.escape(r.backend()))
        .append(") at ").append(Html.escape(ConnectUrls.redacted(r.options().connectUrl()))).append(", ").append(r.start()).append(" to ")
        .append(r.end()).append(".<br>").append(Html.escape(s.description())).append(" ")
        .append(r.options().rows()).append(" rows, ").append(r.options().effectiveSessions()).append(" sessions.</p>");

    h.append("<h2>Criteria</h2><table id=\"criteria\"><tr><th>criterion</th><th>threshold</th><th>actual</th><th>verdict</th></tr>");
    for (Criterion c : r.criteria()) {
      h.append("<tr><td class=\"l\">").append(c.name()).append("</td><td>").append(Html.escape(c.threshold()))
          .append("</td><td>").append(c.actual()).append("</td><td class=\"").append(c.passed() ? "pass\">pass" : "fail\">FAIL")
          .append("</td></tr>");
    }
    h.append("</table>");

    h.append("<h2>Summary</h2><table><tr><th>queries</th><th>failed</th><th>success rate</th><th>throughput</th>")
        .append("<th>p50</th><th>p95</th><th>p99</th><th>max</th></tr><tr>")
        .append(String.format(Locale.ROOT, "<td>%d</td><td>%d</td><td>%.2f%%</td><td>%.2f q/s</td><td>%d ms</td>"
            + "<td>%d ms</td><td>%d ms</td><td>%d ms</td>", all.queries(), all.failed(), 100 * r.successRate(),
            r.throughputQps(), all.p50(), all.p95(), all.p99(), all.max()))
        .append("</tr></table>");

    h.append("<h2>Latency over time</h2>").append(legend(r.perType()))
        .append(SvgCharts.latencyOverTime(r.records(), runMs));
    h.append("<h2>Latency percentiles per query type</h2>").append(SvgCharts.percentilesPerType(r.perType()));
    h.append("<table><tr><th>type</th><th>queries</th><th>failed</th><th>p50</th><th>p95</th><th>p99</th><th>max</th></tr>");
    r.perType().forEach((t, st) -> h.append(String.format(Locale.ROOT,
        "<tr><td class=\"l\">%s</td><td>%d</td><td>%d</td><td>%d ms</td><td>%d ms</td><td>%d ms</td><td>%d ms</td></tr>",
        t.key(), st.queries(), st.failed(), st.p50(), st.p95(), st.p99(), st.max())));
    h.append("</table>");
    h.append("<h2>Throughput</h2>").append(SvgCharts.throughput(r.records(), runMs));
    if (r.serverMetrics() != null) {
      h.append(serverSide(r.serverMetrics(), runMs / 1000.0));
    }

    List<QueryRecord> failures = r.records().stream().filter(q -> !q.ok()).toList();
    h.append("<h2>Failures (").append(failures.size()).append(")</h2>");
    if (failures.isEmpty()) {
      h.append("<p>None: every query returned the expected answer.</p>");
    } else {
      h.append("<table id=\"failures\"><tr><th>at</th><th>session</th><th>type</th><th>error</th></tr>");
      failures.stream().limit(200).forEach(q -> h.append(String.format(Locale.ROOT,
          "<tr><td>%.1f s</td><td>%d</td><td class=\"l\">%s</td><td class=\"l\">%s</td></tr>", q.offsetMs() / 1000.0,
          q.session(), q.type().key(), Html.escape(q.error()))));
      h.append("</table>");
    }
    return h.append("</body></html>\n").toString();
  }

  /** The figures read from Prometheus: a chart each with its lines' totals, then what could not be read. */
  private static String serverSide(ServerMetrics m, double runSeconds) {
    StringBuilder h = new StringBuilder("<h2 id=\"server-side\">Server side</h2><p>From the Prometheus server at ")
        .append(Html.escape(m.prometheusUrl())).append(".</p>");
    for (ServerMetrics.Figure f : m.figures()) {
      h.append("<h3>").append(Html.escape(f.title())).append("</h3><p>").append(Html.escape(f.description()))
          .append(". Over the run: ");
      List<String> totals = f.lines().stream().map(l -> Html.escape(l.name()) + " " + (Double.isNaN(l.total())
          ? "no data" : String.format(Locale.ROOT, "%,.1f %s", l.total(), Html.escape(f.totalUnit())))).toList();
      h.append(String.join(", ", totals)).append(".</p>");
      if (f.lines().stream().anyMatch(ServerMetrics.Line::hasData)) {
        if (f.lines().size() > 1) {
          h.append("<p>");
          for (int i = 0; i < f.lines().size(); i++) {
            h.append("<span style=\"color:").append(SvgCharts.color(i)).append("\">&#9679; ")
                .append(Html.escape(f.lines().get(i).name())).append("</span> &nbsp;");
          }
          h.append("</p>");
        }
        h.append(SvgCharts.lines(f.key(), f.unit(), f.lines(), runSeconds));
      } else {
        h.append("<p class=\"fail\">No data.</p>");
      }
    }
    if (!m.problems().isEmpty()) {
      h.append("<h3>Not available</h3><ul id=\"server-problems\">");
      m.problems().forEach(p -> h.append("<li>").append(Html.escape(p)).append("</li>"));
      h.append("</ul>");
    }
    return h.toString();
  }

  private static String legend(Map<QueryType, LatencyStats> perType) {
    StringBuilder l = new StringBuilder("<p>");
    perType.keySet().forEach(t -> l.append("<span style=\"color:").append(SvgCharts.color(t.ordinal()))
        .append("\">&#9679; ").append(t.key()).append("</span> &nbsp;"));
    return l.append("<span style=\"color:#d62728\">&#10005; failed</span></p>").toString();
  }
}
