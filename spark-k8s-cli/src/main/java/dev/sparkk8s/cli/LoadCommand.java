package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.connect.ConnectTrust;
import dev.sparkk8s.load.Criterion;
import dev.sparkk8s.load.Durations;
import dev.sparkk8s.load.HtmlReport;
import dev.sparkk8s.load.JsonReport;
import dev.sparkk8s.load.LatencyStats;
import dev.sparkk8s.load.LoadOptions;
import dev.sparkk8s.load.LoadResult;
import dev.sparkk8s.load.LoadRunner;
import dev.sparkk8s.load.PrometheusApi;
import dev.sparkk8s.load.ScenarioException;
import dev.sparkk8s.load.ScenarioLoader;
import dev.sparkk8s.load.ServerFigures;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s load}: full-load validation of a deployment through Spark Connect, with a report. */
@Command(name = "load",
    description = {"Load-test a deployment through Spark Connect: Spark generates the scenario's data on the server, "
        + "N concurrent sessions run its weighted query mix (scan, aggregate, join, window, write) for a duration or "
        + "K queries each, and every answer is checked against the generator's. Writes DIR/report.json and "
        + "DIR/report.html.",
        "Built-in scenarios: smoke (seconds), mixed (the default), heavy; or a YAML file (see README)."},
    footer = {"", "Exit codes: 0 every criterion held, 1 a criterion failed, 2 bad usage or a bad scenario, "
        + "3 the server does not answer, 70 an internal error."})
public class LoadCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Option(names = "--connect", required = true, paramLabel = "URL", description = "Spark Connect URL, e.g. sc://127.0.0.1:15002, or sc://HOST:PORT/;use_ssl=true;token=T through a TLS proxy (security.connect).")
  String connect;

  @Option(names = "--ca-cert", paramLabel = "FILE",
      description = "CA certificates (PEM) to trust for a use_ssl=true URL besides the JVM's, e.g. the one up --local --auth prints.")
  Path caCertificate;

  @Option(names = "--scenario", paramLabel = "NAME|FILE", defaultValue = "mixed",
      description = "smoke, mixed, heavy or a scenario YAML file (default: ${DEFAULT-VALUE}).")
  String scenario;

  @Option(names = "--sessions", paramLabel = "N", description = "Concurrent sessions (default: the scenario's).")
  Integer sessions;

  @Option(names = "--duration", paramLabel = "D", description = "How long to run, e.g. 30s, 5m (default: the scenario's).")
  String duration;

  @Option(names = "--iterations", paramLabel = "K", description = "Queries per session; ends the run after them instead of a duration.")
  Integer iterations;

  @Option(names = "--scale", paramLabel = "S", defaultValue = "1", description = "Multiplies the scenario's data size (default: ${DEFAULT-VALUE}).")
  double scale;

  @Option(names = "--data", paramLabel = "PATH", defaultValue = "/tmp/spark-k8s-load",
      description = "Where the server writes the tables: a path it and its executors share, or s3a://... (default: ${DEFAULT-VALUE}).")
  String data;

  @Option(names = "--max-p95", paramLabel = "DURATION", description = "Green only if p95 latency is at most this (default: the scenario's).")
  String maxP95;

  @Option(names = "--min-success", paramLabel = "RATE", description = "Green only if at least this share of queries is right, 0..1 (default: the scenario's).")
  Double minSuccess;

  @Option(names = "--report", paramLabel = "DIR", defaultValue = "spark-k8s-load-report",
      description = "Directory for report.json and report.html (default: ${DEFAULT-VALUE}).")
  Path report;

  @Option(names = "--prometheus", paramLabel = "URL",
      description = "A Prometheus server that scrapes the deployment (e.g. http://127.0.0.1:9090): the report adds the "
          + "executors' CPU time, GC time and shuffle bytes over the run.")
  String prometheus;

  @Option(names = "--namespace", paramLabel = "NS",
      description = "With --prometheus: only the series of this namespace (default: every series Prometheus has).")
  String namespace;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = terminal.out();
    LoadOptions options = new LoadOptions(connect, ScenarioLoader.load(scenario), sessions,
        duration == null ? null : Durations.parse(duration, "--duration"), iterations, scale, data,
        maxP95 == null ? null : Durations.parse(maxP95, "--max-p95"), minSuccess);
    if (namespace != null && prometheus == null) {
      throw new ScenarioException("--namespace " + namespace + ": it selects the --prometheus series; give --prometheus URL too");
    }
    if (caCertificate != null) {
      ConnectTrust.trust(caCertificate);
    }
    PrometheusApi server = prometheus == null ? null : PrometheusApi.at(prometheus);
    LoadResult result = new LoadRunner(terminal.progress()).run(options);
    if (server != null) {
      result = result.withServerMetrics(new ServerFigures(server, namespace, terminal.progress())
          .collect(result.start(), result.end()));
      result.serverMetrics().problems().forEach(p -> terminal.progress().accept("server figures: " + p));
    }
    Files.createDirectories(report);
    JsonReport.write(result, report.resolve("report.json"));
    HtmlReport.write(result, report.resolve("report.html"));
    LatencyStats all = result.overall();
    out.printf("%d queries, %d failed, %.2f q/s, p50 %d ms, p95 %d ms, p99 %d ms%n", all.queries(), all.failed(),
        result.throughputQps(), all.p50(), all.p95(), all.p99());
    result.criteria().forEach(c -> out.println("  " + c));
    out.println("report: " + report.resolve("report.html").toAbsolutePath());
    for (Criterion c : result.criteria()) {
      if (!c.passed()) {
        terminal.problem("criterion failed: " + c);
      }
    }
    return result.green() ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }
}
