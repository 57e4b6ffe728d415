package dev.sparkk8s.bench;

import dev.sparkk8s.load.LatencyStats;
import dev.sparkk8s.load.LoadResult;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * CPU the History Server spends while the Connect server it watches is under load: {@code up --local}, then the
 * {@code mixed} load scenario for {@code --minutes}, once per variant (by default the event log as one file, then
 * rolled). CPU time is the History Server process's own (user + system), which other work on the machine does not
 * inflate; it is also given per query answered, since a busier run writes more events.
 */
final class HistoryCpuBench {


  private final BenchOptions options;

  HistoryCpuBench(BenchOptions options) {
    this.options = options;
  }

  ResultTable run() {
    int sessions = options.sessions().size() == 1 ? options.sessions().get(0) : 4;
    ResultTable table = new ResultTable("History Server CPU during a " + options.minutes() + "-minute load run",
        "Spark", "variant", "queries", "failed", "History Server CPU s", "CPU ms / query", "event-log files",
        "event-log MB", "CPU / first variant");
    for (String line : options.lines()) {
      double base = 0;
      for (Variant variant : options.variants()) {
        Path work = options.workDir("history-cpu-" + line + "-" + variant.name());
        List<String> sets = Stream.concat(options.sets().stream(), variant.sets().stream()).toList();
        Log.say("Spark " + line + ", " + variant.name() + ": up --local " + String.join(" ", sets));
        try (PlatformRun platform = new PlatformRun(SparkHome.built(line), options.workers(), sets, work.resolve("run"))) {
          ProcessHandle history = historyServer(platform);
          Duration before = cpu(history);
          LoadResult result = load(platform.connectUrl(), sessions, work);
          double cpuSeconds = (cpu(history).toMillis() - before.toMillis()) / 1000.0;
          LatencyStats s = result.overall();
          long[] files = eventLogFiles(platform.runDir());
          base = base == 0 ? cpuSeconds : base;
          table.row(line, variant.name(), String.valueOf(s.queries()), String.valueOf(s.failed()),
              fmt(cpuSeconds), fmt(s.queries() == 0 ? 0 : 1000 * cpuSeconds / s.queries()), String.valueOf(files[0]),
              fmt(files[1] / 1048576.0), fmt(base == 0 ? 0 : cpuSeconds / base));
        }
      }
    }
    table.note("Load: spark-k8s load --scenario mixed --scale " + LoadStep.SCALE + " --sessions " + sessions + " for "
        + options.minutes() + " min against up --local (the development preset), every answer checked.");
    table.note("CPU: the History Server JVM's user + system time over the load run (ProcessHandle totalCpuDuration, with its descendants).");
    options.variants().forEach(v -> table.note("Variant " + v.name() + ": " + v.describe()));
    return table;
  }

  private static ProcessHandle historyServer(PlatformRun platform) {
    return platform.state().processes().stream().filter(p -> p.component() == Component.HISTORY).findFirst()
        .flatMap(LocalProcess::handle)
        .orElseThrow(() -> new IllegalStateException("up --local started no History Server"));
  }

  /** The process's CPU time and its descendants' (a launch wrapper or {@code nice} may stand before the JVM). */
  private static Duration cpu(ProcessHandle process) {
    return Stream.concat(Stream.of(process), process.descendants())
        .map(p -> p.info().totalCpuDuration().orElse(Duration.ZERO))
        .reduce(Duration.ZERO, Duration::plus);
  }

  private LoadResult load(String url, int sessions, Path work) {
    return LoadStep.mixed(url, sessions, Duration.ofMinutes(options.minutes()), work.resolve("data").toString());
  }

  /** Number and total bytes of the files under the run's event-log volume. */
  private static long[] eventLogFiles(Path runDir) {
    try (Stream<Path> files = Files.walk(runDir.resolve("volumes"))) {
      List<Path> logs = files.filter(Files::isRegularFile).filter(f -> f.toString().contains("events")).toList();
      long bytes = 0;
      for (Path f : logs) {
        bytes += Files.size(f);
      }
      return new long[] {logs.size(), bytes};
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the event log: " + e.getMessage(), e);
    }
  }

  private static String fmt(double d) {
    return String.format(Locale.ROOT, "%.2f", d);
  }
}
