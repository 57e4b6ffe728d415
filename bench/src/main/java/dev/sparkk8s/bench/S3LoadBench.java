package dev.sparkk8s.bench;

import dev.sparkk8s.load.LatencyStats;
import dev.sparkk8s.load.LoadResult;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code spark-k8s load}'s {@code mixed} scenario at full load (4 sessions) on one {@code up --local} per Spark
 * line with S3 on its embedded server: the tables on the local file system and the same on {@code s3a://}
 * (written through the S3A magic committer), after an untimed warm-up in each place, {@code --reps} times in
 * alternating order; the ratio s3/local of queries/s and of p95 in the same run.
 */
final class S3LoadBench {

  private static final Duration STEP = Duration.ofSeconds(60);
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final int SESSIONS = 4;
  private static final String BUCKET = "bench-data";

  private final BenchOptions options;

  S3LoadBench(BenchOptions options) {
    this.options = options;
  }

  ResultTable run() {
    ResultTable table = new ResultTable("Data on S3 (embedded S3 server) vs the local file system: spark-k8s load --scenario "
        + "mixed, " + SESSIONS + " sessions", "Spark", "data", "queries", "failed", "queries/s", "p50 ms", "p95 ms",
        "qps s3 / local", "p95 s3 / local");
    for (String line : options.lines()) {
      Path work = options.workDir("s3-load-" + line);
      List<String> sets = new ArrayList<>(options.sets());
      // S3 without an endpoint: up --local's own S3 server, with the bucket the warehouse names.
      sets.addAll(List.of("spark.s3.enabled=true", "spark.conf.spark\\.sql\\.warehouse\\.dir=s3a://" + BUCKET + "/warehouse"));
      try (PlatformRun platform = new PlatformRun(SparkHome.built(line), options.workers(), sets,
          work.resolve("run"))) {
        Log.say("  S3 at " + platform.state().s3Url());
        String localData = work.resolve("data").toString();
        String s3Data = "s3a://" + BUCKET + "/load";
        // Untimed: the tables generated in both places, and the JVMs past their first queries.
        step(platform.connectUrl(), localData, WARM_UP);
        step(platform.connectUrl(), s3Data, WARM_UP);
        List<LoadResult> local = new ArrayList<>();
        List<LoadResult> s3 = new ArrayList<>();
        for (int rep = 0; rep < options.reps(); rep++) {
          // Alternating which goes first: a drift of the machine's load over the run weighs on both alike.
          boolean localFirst = rep % 2 == 0;
          (localFirst ? local : s3).add(step(platform.connectUrl(), localFirst ? localData : s3Data, STEP));
          (localFirst ? s3 : local).add(step(platform.connectUrl(), localFirst ? s3Data : localData, STEP));
        }
        double localQps = Stats.mean(local.stream().map(LoadResult::throughputQps).toList());
        double s3Qps = Stats.mean(s3.stream().map(LoadResult::throughputQps).toList());
        double localP95 = Stats.mean(local.stream().map(r -> r.overall().p95()).toList());
        double s3P95 = Stats.mean(s3.stream().map(r -> r.overall().p95()).toList());
        local.forEach(r -> row(table, line, "local file system", r, "", ""));
        s3.forEach(r -> row(table, line, "s3a:// (embedded S3)", r, "", ""));
        table.row(line, "**ratio (means)**", "", "", "", "", "",
            String.format(Locale.ROOT, "**%.2f**", s3Qps / localQps), String.format(Locale.ROOT, "**%.2f**", s3P95 / localP95));
      }
    }
    table.note("Each step: " + STEP.toSeconds() + " s of the mixed scenario at --scale " + LoadStep.SCALE + ", " + SESSIONS
        + " sessions, every answer checked, on the same platform: first " + WARM_UP.toSeconds() + " s untimed in each "
        + "place (the tables generated there, the JVMs warmed), then " + options.reps() + " time(s) local and S3, in "
        + "alternating order. The write queries go to the same place as the tables.");
    table.note("Deployment: up --local (" + (options.workers() == null ? "the development preset" : options.workers()
        + " workers") + ") with spark.s3.enabled and no endpoint: the embedded S3 server (S3Proxy, filesystem store "
        + "in the run directory) on the same 2 cores, the S3A magic committer for writes.");
    return table;
  }

  private void row(ResultTable table, String line, String data, LoadResult r, String qpsRatio, String p95Ratio) {
    LatencyStats s = r.overall();
    table.row(line, data, String.valueOf(s.queries()), String.valueOf(s.failed()),
        String.format(Locale.ROOT, "%.2f", r.throughputQps()), String.valueOf(s.p50()), String.valueOf(s.p95()), qpsRatio,
        p95Ratio);
  }

  private LoadResult step(String url, String data, Duration duration) {
    Log.say("  " + SESSIONS + " sessions for " + duration.toSeconds() + " s, data in " + data);
    return LoadStep.mixedWithoutFailures(url, SESSIONS, duration, data);
  }
}
