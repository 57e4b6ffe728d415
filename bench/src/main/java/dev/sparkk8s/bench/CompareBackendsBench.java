package dev.sparkk8s.bench;

import dev.sparkk8s.load.LoadResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The standalone and the kubernetes backend under the same full load, in one run: per Spark line and
 * repetition, a fresh deployment of each (order alternating between repetitions, so that a drift of the
 * machine's load weighs on both), the same untimed warm-up, then the mixed scenario at each step of
 * {@code --sessions}. Both run one executor with 2 cores, 1g heaps and 4 shuffle partitions, and the chart's
 * defaults otherwise (no event log); a third deployment is {@code up --local} as it starts by default, with the
 * event log and the History Server, to show what those cost.
 */
final class CompareBackendsBench {

  static final int FULL_LOAD = 4;
  private static final Duration WARM_UP = Duration.ofSeconds(20);
  private static final SteadyWindow STEP = new SteadyWindow(Duration.ofSeconds(30), Duration.ofSeconds(30));
  private static final List<String> SAME_SHAPE = List.of("spark.executor.instances=1", "spark.executor.cores=2",
      "spark.executor.memory=1g", "spark.driver.memory=1g", "spark.executor.shufflePartitionsPerCore=2");
  private static final List<String> NO_EVENT_LOG = List.of("spark.eventLog.enabled=false",
      "spark.historyServer.enabled=false");

  /** One way to deploy: its name in the table, the backend and the {@code --set} arguments. */
  record Deployment(String name, String backend, List<String> sets) {
  }

  /** What one deployment measured: a load result per step of sessions. */
  record Measured(Deployment deployment, int rep, Map<Integer, LoadResult> steps) {

    double qps(int sessions) {
      return STEP.qps(steps.get(sessions));
    }

    double peak() {
      return steps.values().stream().mapToDouble(STEP::qps).max().orElse(0);
    }

    long failed() {
      return steps.values().stream().mapToLong(r -> r.overall().failed()).sum();
    }
  }

  private final BenchOptions options;

  CompareBackendsBench(BenchOptions options) {
    this.options = options;
  }

  List<Deployment> deployments() {
    List<String> standalone = new ArrayList<>(SAME_SHAPE);
    standalone.addAll(NO_EVENT_LOG);
    standalone.addAll(options.sets());
    List<String> kubernetes = new ArrayList<>(SAME_SHAPE);
    kubernetes.addAll(options.sets());
    List<String> local = new ArrayList<>(SAME_SHAPE);
    local.addAll(options.sets());
    return List.of(new Deployment("standalone", "standalone", standalone),
        new Deployment("kubernetes", "kubernetes", kubernetes),
        new Deployment("standalone + event log + History Server", "standalone", local));
  }

  ResultTable run() {
    int top = options.sessions().stream().mapToInt(Integer::intValue).max().orElse(FULL_LOAD);
    ResultTable table = new ResultTable("Standalone vs kubernetes backend: spark-k8s load --scenario mixed at full load ("
        + FULL_LOAD + " sessions), same executor shape, one run",
        "Spark", "standalone q/s", "kubernetes q/s", "standalone / kubernetes",
        "standalone + event log + HS q/s", "(+ event log + HS) / kubernetes",
        "standalone " + top + " sessions / peak", "kubernetes " + top + " sessions / peak", "failed");
    List<Deployment> deployments = deployments();
    for (String line : options.lines()) {
      Map<String, List<Measured>> byName = new LinkedHashMap<>();
      deployments.forEach(d -> byName.put(d.name(), new ArrayList<>()));
      for (int rep = 0; rep < options.reps(); rep++) {
        List<Deployment> order = new ArrayList<>(deployments);
        if (rep % 2 == 1) {
          java.util.Collections.reverse(order);
        }
        for (Deployment d : order) {
          Measured m = measure(line, d, rep);
          byName.get(d.name()).add(m);
          table.note(detail(line, m));
        }
      }
      List<Measured> s = byName.get("standalone");
      List<Measured> k = byName.get("kubernetes");
      List<Measured> e = byName.get(deployments.get(2).name());
      long failed = byName.values().stream().flatMap(List::stream).mapToLong(Measured::failed).sum();
      table.row(line, spread(s, m -> m.qps(FULL_LOAD)), spread(k, m -> m.qps(FULL_LOAD)),
          String.format(Locale.ROOT, "**%.2f**", mean(s, m -> m.qps(FULL_LOAD)) / mean(k, m -> m.qps(FULL_LOAD))),
          spread(e, m -> m.qps(FULL_LOAD)),
          String.format(Locale.ROOT, "%.2f", mean(e, m -> m.qps(FULL_LOAD)) / mean(k, m -> m.qps(FULL_LOAD))),
          spread(s, m -> m.qps(top) / m.peak()), spread(k, m -> m.qps(top) / m.peak()), String.valueOf(failed));
    }
    table.note("q/s: mean of " + options.reps() + " repetition(s) (min-max), each a fresh deployment, the order of the "
        + "deployments alternating. Per deployment: " + WARM_UP.toSeconds() + " s untimed at " + FULL_LOAD
        + " sessions (tables generated, JVMs warmed), then " + STEP.total().toSeconds() + " s at each of "
        + options.sessions() + " sessions, new sessions at each step; the mixed scenario at --scale " + LoadStep.SCALE
        + ", every answer checked. A step's q/s: the queries that ended in its last " + STEP.window().toSeconds()
        + " s (its first " + STEP.settle().toSeconds() + " s let the new sessions compile their code and fill the "
        + "executor's queue); the notes give each step's q/s over the whole run too. Peak: the best step of the same "
        + "deployment.");
    table.note("Same shape on both backends: " + String.join(" ", SAME_SHAPE) + ". standalone: up --local with "
        + String.join(" ", NO_EVENT_LOG) + " (the chart's defaults, as the kubernetes run); kubernetes: the harness "
        + "(fabric8 mock API, executor pods run by the local kubelet, Spark's own Kubernetes scheduler); standalone + "
        + "event log + HS: up --local as it starts by default.");
    if (!options.sets().isEmpty()) {
      table.note("--set (all deployments): " + String.join(" ", options.sets()));
    }
    return table;
  }

  private Measured measure(String line, Deployment d, int rep) {
    Log.say("Spark " + line + ", " + d.name() + ", repetition " + (rep + 1));
    String slug = d.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", "-");
    Path work = options.workDir("compare-" + line + "-" + slug + "-" + (rep + 1));
    String data = work.resolve("data").toString();
    try (ConnectPlatform platform = ConnectPlatform.start(options, d.backend(), d.sets(), line, work.resolve("run"))) {
      Log.say("  warm-up: " + FULL_LOAD + " sessions for " + WARM_UP.toSeconds() + " s");
      LoadStep.mixed(platform.connectUrl(), FULL_LOAD, WARM_UP, data);
      Map<Integer, LoadResult> steps = new LinkedHashMap<>();
      for (int sessions : options.sessions()) {
        Log.say("  " + sessions + " sessions for " + STEP.total().toSeconds() + " s");
        steps.put(sessions, LoadStep.mixed(platform.connectUrl(), sessions, STEP.total(), data));
      }
      return new Measured(d, rep, steps);
    }
  }

  private static String detail(String line, Measured m) {
    StringBuilder out = new StringBuilder("Spark " + line + ", " + m.deployment().name() + ", repetition "
        + (m.rep() + 1) + ":");
    m.steps().forEach((sessions, r) -> out.append(String.format(Locale.ROOT,
        " %d sessions %.2f q/s (whole run %.2f) p95 %d ms%s;", sessions, STEP.qps(r), r.throughputQps(),
        r.overall().p95(), r.overall().failed() == 0 ? "" : " " + r.overall().failed() + " failed")));
    return out.substring(0, out.length() - 1);
  }

  private static double mean(List<Measured> ms, ToDoubleFunction<Measured> f) {
    return Stats.mean(ms.stream().map(f::applyAsDouble).toList());
  }

  private static String spread(List<Measured> ms, ToDoubleFunction<Measured> f) {
    double[] v = ms.stream().mapToDouble(f).toArray();
    double min = java.util.Arrays.stream(v).min().orElse(0);
    double max = java.util.Arrays.stream(v).max().orElse(0);
    return v.length == 1 ? String.format(Locale.ROOT, "%.2f", v[0])
        : String.format(Locale.ROOT, "%.2f (%.2f-%.2f)", mean(ms, f), min, max);
  }
}
