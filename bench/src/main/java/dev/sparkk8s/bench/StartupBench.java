package dev.sparkk8s.bench;

import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.SparkHome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code bench/run startup}: cold start to the first answered query. Baseline: a fresh JVM with a
 * {@code local[2]} SparkSession from the same Spark home (launcher start to the answer of
 * {@code SELECT sum(id) FROM range(100)}), without and with the class-data archive. Measured:
 * {@code LocalPlatform.up} (the development preset unless --workers) in a fresh run directory: until the
 * Connect server answered that same query, and until up returned (every process ready), then {@code down}.
 * Baselines and up alternate, so drift hits them alike.
 */
final class StartupBench {

  private final BenchOptions options;

  StartupBench(BenchOptions options) {
    this.options = options;
  }

  ResultTable run() {
    ResultTable table = new ResultTable("Startup: spark-k8s up --local vs a local[2] session",
        "Spark", "local[2] first query (median)", "runs", "local[2] with the archive (median)", "runs",
        "up --local first answer (median)", "runs", "up returned (median)", "first answer / local",
        "first answer / local with the archive", "up returned / local");
    for (String line : options.lines()) {
      SparkHome home = SparkHome.built(line);
      ClassDataArchive archive = ClassDataArchive.of(home);
      archive.ensure(Log::say);
      List<Long> local = new ArrayList<>();
      List<Long> localArchive = new ArrayList<>();
      List<Long> answer = new ArrayList<>();
      List<Long> up = new ArrayList<>();
      for (int i = 1; i <= options.reps(); i++) {
        Path dir = options.workDir("startup-" + line + "-" + i);
        LocalSessionRun.Line answered = new LocalSessionRun(home, "local[2]", dir).run("local", "first-query").get(0);
        local.add(answered.atMs());
        Log.say("Spark " + line + " run " + i + ": local[2] answered after " + answered.atMs() + " ms");
        LocalSessionRun.Line withArchive = new LocalSessionRun(home, "local[2]", dir, archive.jvmOptions())
            .run("local-archive", "first-query").get(0);
        localArchive.add(withArchive.atMs());
        Log.say("Spark " + line + " run " + i + ": local[2] with the archive answered after " + withArchive.atMs() + " ms");
        try (PlatformRun platform = new PlatformRun(home, options.workers(), options.sets(), dir.resolve("run"))) {
          answer.add(platform.firstAnswerMs());
          up.add(platform.upMs());
          Log.say("Spark " + line + " run " + i + ": Connect answered after " + platform.firstAnswerMs()
              + " ms, up returned after " + platform.upMs() + " ms");
        }
      }
      double l = Stats.median(local);
      double la = Stats.median(localArchive);
      double a = Stats.median(answer);
      double u = Stats.median(up);
      table.row(line, Stats.seconds(l), list(local), Stats.seconds(la), list(localArchive), Stats.seconds(a), list(answer),
          Stats.seconds(u), Stats.ratio(a / l), Stats.ratio(a / la), Stats.ratio(u / l));
    }
    table.note("Cold: every run is a fresh JVM / fresh run directory, no warm-up; " + options.reps() + " runs each.");
    table.note("local[2]: spark-submit (launcher + SparkSubmit) of a SparkSession main; wall time from starting the "
        + "launcher to the first answer.");
    table.note("local[2] with the archive: the same, with the class-data archive up --local uses "
        + "(-XX:SharedArchiveFile); both baselines run in every repetition.");
    table.note("up: LocalPlatform.up in the benchmark JVM (master, " + (options.workers() == null ? "the preset's"
        : options.workers()) + " worker(s), History Server, Connect server, all started in parallel). First answer: "
        + "from up's start to the Connect server's answer to that same query (the figure the aim of <= 2x is about); "
        + "up returned: once every process, the History Server too, passes its readiness probe. The class-data archive "
        + "exists before the first repetition (made once per Spark home and JDK, like the build).");
    if (!options.sets().isEmpty()) {
      table.note("up --set: " + String.join(" ", options.sets()));
    }
    return table;
  }

  private static String list(List<Long> ms) {
    return ms.stream().map(v -> String.format("%.1f", v / 1000.0)).collect(Collectors.joining(", "));
  }
}
