package dev.sparkk8s.bench;

import java.nio.file.Path;

/** Entry point of {@code bench/run}: startup, throughput, load-scaling, history-cpu, s3-load or compare-backends. */
public final class Bench {

  private Bench() {
  }

  private static String loadAverage() {
    try {
      return java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException e) {
      return "?";
    }
  }

  public static void main(String[] args) {
    if (BenchOptions.helpRequested(args)) {
      System.out.println(BenchOptions.USAGE);
      return;
    }
    Path root = Path.of(System.getProperty("spark-k8s.home", ".")).toAbsolutePath().normalize();
    BenchOptions options;
    try {
      options = BenchOptions.parse(args, root);
    } catch (IllegalArgumentException e) {
      System.err.println("bench: " + e.getMessage());
      System.exit(2);
      return;
    }
    Log.say("bench " + options.benchmark() + ": Spark " + options.lines() + "; work files in " + options.runRoot());
    String loadBefore = loadAverage();
    ResultTable table = switch (options.benchmark()) {
      case "startup" -> new StartupBench(options).run();
      case "load-scaling" -> new LoadScalingBench(options).run();
      case "history-cpu" -> new HistoryCpuBench(options).run();
      case "s3-load" -> new S3LoadBench(options).run();
      case "compare-backends" -> new CompareBackendsBench(options).run();
      default -> new ThroughputBench(options).run();
    };
    table.note("Load average (1 min) at start / end: " + loadBefore + " / " + loadAverage()
        + " (other work on the machine skews absolute times; the ratios are measured in the same run).");
    String backend = options.benchmark().equals("load-scaling") ? "-" + options.backend() : "";
    table.publish(options.resultsDir(), options.benchmark() + "-" + String.join("-", options.lines()) + backend);
  }
}
