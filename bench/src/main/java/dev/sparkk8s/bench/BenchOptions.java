package dev.sparkk8s.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Command-line options of {@code bench/run}: {@code --spark 4.1,3.5}, {@code --reps N},
 * {@code --warmup N}, {@code --passes N}, {@code --workers N} (to every up; default: up's own),
 * {@code --backend standalone|kubernetes} (load-scaling only), {@code --sessions 1,2,4} (load-scaling and
 * compare-backends, which runs both backends and needs the full-load step, 4),
 * {@code --set k=v} (to every up), {@code --variant NAME:key=value,...} (repeatable; throughput and history-cpu)
 * and {@code --minutes N} (history-cpu: length of each load run, default 10).
 */
record BenchOptions(String benchmark, List<String> lines, int reps, int warmup, int passes, Integer workers, String backend, List<Integer> sessions,
    List<String> sets, List<Variant> variants, int minutes, Path root, Path runRoot) {

  static final String USAGE = "usage: bench/run startup|throughput|load-scaling|history-cpu|s3-load|compare-backends [--spark 3.5,4.1] [--reps N] "
      + "[--warmup N] [--passes N] [--workers N] [--backend standalone|kubernetes] [--sessions 1,2,4] [--set k=v]... "
      + "[--variant NAME:key=value,...]... [--minutes N]  (bench/README.md says what each measures)";

  static boolean helpRequested(String[] args) {
    return List.of(args).contains("--help") || List.of(args).contains("-h");
  }

  static BenchOptions parse(String[] args, Path root) {
    if (args.length == 0) {
      throw new IllegalArgumentException(USAGE);
    }
    String benchmark = args[0];
    if (!List.of("startup", "throughput", "load-scaling", "history-cpu", "s3-load", "compare-backends").contains(benchmark)) {
      throw new IllegalArgumentException("unknown benchmark " + benchmark
          + "; use startup, throughput, load-scaling, history-cpu, s3-load or compare-backends");
    }
    boolean compare = benchmark.equals("compare-backends");
    List<String> lines = List.of("3.5", "4.1");
    int reps = compare ? 2 : 3;
    int warmup = 1;
    int passes = 5;
    Integer workers = null;
    String backend = "standalone";
    List<Integer> sessions = compare ? List.of(CompareBackendsBench.FULL_LOAD, 8, 32) : List.of(1, 2, 4, 8, 16, 32);
    List<String> sets = new ArrayList<>();
    List<Variant> variants = new ArrayList<>();
    int minutes = 10;
    for (int i = 1; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        throw new IllegalArgumentException(args[i] + " needs a value");
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--spark" -> lines = List.of(value.split(","));
        case "--reps" -> reps = Integer.parseInt(value);
        case "--warmup" -> warmup = Integer.parseInt(value);
        case "--passes" -> passes = Integer.parseInt(value);
        case "--workers" -> workers = Integer.valueOf(value);
        case "--backend" -> backend = value;
        case "--sessions" -> sessions = java.util.Arrays.stream(value.split(",")).map(Integer::valueOf).toList();
        case "--set" -> sets.add(value);
        case "--variant" -> variants.add(Variant.parse(value));
        case "--minutes" -> minutes = Integer.parseInt(value);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    if (compare && !sessions.contains(CompareBackendsBench.FULL_LOAD)) {
      throw new IllegalArgumentException("--sessions " + sessions + ": compare-backends needs the full-load step, "
          + CompareBackendsBench.FULL_LOAD + " sessions");
    }
    if (!List.of("standalone", "kubernetes").contains(backend)) {
      throw new IllegalArgumentException("--backend " + backend + ": use standalone (up --local) or kubernetes (the harness)");
    }
    String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    Path runRoot = root.resolve("bench/target/runs/" + benchmark + "-" + stamp);
    List<Variant> defaults = benchmark.equals("history-cpu") ? Variant.eventLogDefaults() : Variant.defaults();
    return new BenchOptions(benchmark, lines, reps, warmup, passes, workers, backend, sessions, List.copyOf(sets),
        variants.isEmpty() ? defaults : List.copyOf(variants), minutes, root, runRoot);
  }

  /** A fresh directory for one measurement (logs, run dir, Parquet files). */
  Path workDir(String name) {
    Path dir = runRoot.resolve(name);
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new IllegalStateException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    return dir;
  }

  Path resultsDir() {
    return root.resolve("bench/results");
  }
}
