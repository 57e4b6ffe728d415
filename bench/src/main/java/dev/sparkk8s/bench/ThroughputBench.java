package dev.sparkk8s.bench;

import dev.sparkk8s.connect.queries.WorkloadMix;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bench/run throughput}: queries/s of the {@link WorkloadMix} through Spark Connect against
 * {@code up --local} (standalone backend, the development preset unless --workers), per configuration variant, against
 * the same mix on a {@code local[2]} session (Spark's defaults) in a separate JVM from the same
 * Spark home. The baseline runs before and after the variants; ratios use their mean.
 */
final class ThroughputBench {

  private final BenchOptions options;

  ThroughputBench(BenchOptions options) {
    this.options = options;
  }

  ResultTable run() {
    ResultTable table = new ResultTable("Throughput: Spark Connect on up --local vs a local[2] session",
        "Spark", "Variant", "Extra Spark conf", "queries/s (median pass)", "connect / local");
    for (String line : options.lines()) {
      SparkHome home = SparkHome.built(line);
      double before = local(home, line, "before");
      List<String[]> rows = new ArrayList<>();
      for (Variant v : options.variants()) {
        rows.add(new String[] {v.name(), v.describe(), String.valueOf(connect(home, line, v))});
      }
      double after = local(home, line, "after");
      double base = (before + after) / 2;
      table.row(line, "local[2] baseline", "Spark defaults", String.format("%.2f / %.2f (before / after)", before, after), "1.00");
      for (String[] r : rows) {
        double qps = Double.parseDouble(r[2]);
        table.row(line, r[0], r[1], String.format("%.2f", qps), Stats.ratio(qps / base));
      }
    }
    table.note("Mix (" + WorkloadMix.pass(WorkloadMix.BENCHMARK, "/x").size() + " queries a pass): aggregation over range(40M); sort-merge join "
        + "of two 600k-row ranges + group-by; two windows over 300k rows; Parquet write of 300k rows (about 4 MB) and "
        + "a group-by reading it back; every answer checked against its known answer (the check is not timed).");
    table.note(options.warmup() + " warm-up pass(es), then " + options.passes() + " timed passes; queries/s = "
        + "queries in a pass / median pass time.");
    table.note("Connect: the Spark Connect JVM client 4.1.3 in the benchmark JVM; up --local with "
        + (options.workers() == null ? "the development preset (1 worker, 1 executor x 2 cores, 4 shuffle partitions)"
            : options.workers() + " workers") + "; chart defaults set spark.serializer=Kryo and spark.locality.wait=0s.");
    table.note("local[2]: spark-submit --master local[2] of a SparkSession main in its own JVM, Spark's defaults.");
    return table;
  }

  private double local(SparkHome home, String line, String when) {
    Path dir = options.workDir("throughput-" + line + "-local-" + when);
    List<LocalSessionRun.Line> lines = new LocalSessionRun(home, "local[2]", dir)
        .run("local", "mix", String.valueOf(options.warmup()), String.valueOf(options.passes()),
            dir.resolve("parquet").toString());
    List<Long> passes = new ArrayList<>();
    int queries = 0;
    for (LocalSessionRun.Line l : lines) {
      String[] f = l.text().split(" ");
      Log.say("  local[2] " + f[0] + ": " + f[1] + " ms (per query: " + l.text().substring(l.text().indexOf(' ', f[0].length() + f[1].length() + 2) + 1) + ")");
      if (f[0].equals("pass")) {
        passes.add(Long.parseLong(f[1]));
        queries = Integer.parseInt(f[2]);
      }
    }
    double qps = queries / (Stats.median(passes) / 1000);
    Log.say("Spark " + line + " local[2] " + when + ": " + String.format("%.2f", qps) + " queries/s");
    return qps;
  }

  private double connect(SparkHome home, String line, Variant v) {
    Path dir = options.workDir("throughput-" + line + "-" + v.name().replaceAll("[^A-Za-z0-9.+=-]", "_"));
    List<String> sets = new ArrayList<>(options.sets());
    sets.addAll(v.sets());
    try (PlatformRun platform = new PlatformRun(home, options.workers(), sets, dir.resolve("run"))) {
      List<Long> passes = ConnectMix.run(platform.connectUrl(), options.warmup(), options.passes(),
          dir.resolve("parquet").toString());
      double qps = WorkloadMix.pass(WorkloadMix.BENCHMARK, "/x").size() / (Stats.median(passes) / 1000);
      Log.say("Spark " + line + " connect " + v.name() + ": " + String.format("%.2f", qps) + " queries/s");
      return Math.round(qps * 100) / 100.0;
    }
  }
}
