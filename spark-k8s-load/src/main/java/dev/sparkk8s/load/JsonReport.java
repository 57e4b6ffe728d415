package dev.sparkk8s.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparkk8s.connect.ConnectUrls;
import java.io.IOException;
import java.nio.file.Path;

/** {@code report.json}: the run's figures, criteria and every query, for machines. */
public final class JsonReport {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private JsonReport() {
  }

  public static ObjectNode of(LoadResult r) {
    ObjectNode root = JSON.createObjectNode();
    LatencyStats all = r.overall();
    root.put("queries", all.queries());
    root.put("failed", all.failed());
    root.put("successRate", r.successRate());
    root.put("throughputQps", r.throughputQps());
    root.set("latencyMs", latency(all));
    ObjectNode perType = root.putObject("perQueryType");
    r.perType().forEach((type, stats) -> {
      ObjectNode t = latency(stats);
      t.put("queries", stats.queries());
      t.put("failed", stats.failed());
      perType.set(type.key(), t);
    });
    ArrayNode criteria = root.putArray("criteria");
    r.criteria().forEach(c -> criteria.addObject().put("name", c.name()).put("threshold", c.threshold())
        .put("actual", c.actual()).put("passed", c.passed()));
    root.put("green", r.green());
    Scenario s = r.options().scenario();
    ObjectNode scenario = root.putObject("scenario");
    scenario.put("name", s.name()).put("description", s.description()).put("rows", r.options().rows())
        .put("customers", s.customers()).put("sessions", r.options().effectiveSessions())
        .put("scale", r.options().scale()).put("dataDir", r.options().dataDir());
    ObjectNode mix = scenario.putObject("mix");
    s.weights().forEach((type, w) -> mix.put(type.key(), w));
    root.putObject("server").put("connectUrl", ConnectUrls.redacted(r.options().connectUrl())).put("sparkVersion", r.serverSparkVersion())
        .put("backend", r.backend());
    if (r.serverMetrics() != null) {
      root.set("serverMetrics", serverMetrics(r.serverMetrics()));
    }
    root.put("start", r.start().toString());
    root.put("end", r.end().toString());
    ArrayNode samples = root.putArray("samples");
    r.records().forEach(q -> {
      ObjectNode n = samples.addObject().put("session", q.session()).put("type", q.type().key())
          .put("offsetMs", q.offsetMs()).put("latencyMs", q.latencyMs()).put("ok", q.ok());
      if (!q.ok()) {
        n.put("error", q.error());
      }
    });
    return root;
  }

  public static void write(LoadResult r, Path file) throws IOException {
    JSON.writeValue(file.toFile(), of(r));
  }

  private static ObjectNode serverMetrics(ServerMetrics m) {
    ObjectNode n = JSON.createObjectNode().put("prometheus", m.prometheusUrl());
    ObjectNode figures = n.putObject("figures");
    for (ServerMetrics.Figure f : m.figures()) {
      ObjectNode fig = figures.putObject(f.key()).put("title", f.title()).put("unit", f.unit())
          .put("totalUnit", f.totalUnit());
      ObjectNode lines = fig.putObject("lines");
      for (ServerMetrics.Line l : f.lines()) {
        ObjectNode line = lines.putObject(l.name()).put("query", l.query());
        if (Double.isNaN(l.total())) {
          line.putNull("total");
        } else {
          line.put("total", l.total());
        }
        ArrayNode points = line.putArray("points");
        l.points().forEach(p -> points.addArray().add(p[0]).add(p[1]));
      }
    }
    ArrayNode problems = n.putArray("problems");
    m.problems().forEach(problems::add);
    return n;
  }

  private static ObjectNode latency(LatencyStats s) {
    return JSON.createObjectNode().put("p50", s.p50()).put("p95", s.p95()).put("p99", s.p99()).put("max", s.max());
  }
}
