package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.local.LocalOptions;
import dev.sparkk8s.local.LocalPlatform;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.SparkHome;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code spark-k8s up}: a release on a cluster ({@link ClusterUp}), or with --local the platform as processes on this machine. */
@Command(name = "up",
    description = {"Start the platform: with --local, the chart's Standalone master, workers, History Server and "
        + "Spark Connect server as processes on this machine, from what the chart renders (only addresses are "
        + "rewritten; the first start for a Spark home also makes a class-data archive that later JVM starts use). "
        + "Renders the 'development' preset (or --preset), the -f files, the chart's ci/local-values.yaml "
        + "(what one machine needs: its own Standalone master and workers, the event log read by a History "
        + "Server), then --set, as helm template would; values that take that Standalone cluster away are "
        + "refused. With spark.s3.enabled and no endpoint (or a cluster Service's, as the s3-minio preset's MinIO), "
        + "an S3 server of its own (S3Proxy, data in the run directory's s3/data) plays S3: the buckets the Spark "
        + "configuration names are created there, its keys are the Secret the pods read. A user's endpoint is "
        + "checked, never written to: a bucket it does not let the keys use fails at once. With --monitoring, also a Prometheus server (Debian's prometheus) that scrapes them as the chart's "
        + "ServiceMonitors say, with the chart's alerts as its rules. With --auth, Spark Connect only through the "
        + "chart's TLS proxy with a token (printed with the CA to trust). Returns once a query "
        + "through Spark Connect has been answered; the processes keep running.",
        "Stop them with 'spark-k8s down --local'.",
        "Without --local: install or upgrade the release on the cluster of --kubeconfig/--context with Helm's own code "
            + "(a normal Helm release), after lint (refused on findings unless --force). An upgrade keeps the values "
            + "given before (as --reuse-values), shows the objects it adds, removes and changes and asks to confirm "
            + "(--yes skips). Helm's atomic install/upgrade: not ready within --timeout, it is rolled back. Then waits "
            + "until the Connect server answers a query through a port-forward, printing what it waits for; not ready "
            + "in time, prints the doctor's findings and exits 1.",
        "Exit 0: ready; 1: lint findings, not confirmed, not ready; 2: no such kubeconfig, context or namespace, an "
            + "API server that does not answer."})
public class UpCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Mixin
  ValuesInputs values;

  @Mixin
  ChartOption chart;

  @Mixin
  SparkVersionOption spark;

  @Option(names = "--workers", paramLabel = "N",
      description = "Number of Standalone workers, each running one executor of the Connect server "
          + "(default: the preset's spark.standalone.worker.replicas).")
  Integer workers;

  @Option(names = "--connect-port", paramLabel = "PORT",
      description = "Spark Connect port; it must be free (default: the chart's, or a free port when taken).")
  Integer connectPort;

  @Option(names = "--monitoring",
      description = "Also run a Prometheus server (Debian's prometheus package) on the chart's monitoring: the chart's "
          + "ci/local-monitoring-values.yaml after ci/local-values.yaml (metrics on, ServiceMonitors, the "
          + "PrometheusRule, 5 s scrapes); its scrape targets are the monitors' endpoints at their local addresses, "
          + "its rule file the PrometheusRule's groups; and, as a kubelet's /metrics/cadvisor, each local pod's CPU "
          + "time (container_cpu_usage_seconds_total), which spark-k8s load --prometheus reports.")
  boolean monitoring;

  @Option(names = "--auth",
      description = "TLS and a token in front of Spark Connect (the chart's security.connect, ci/local-auth-values.yaml "
          + "after ci/local-values.yaml): the Connect pod's nginx proxy (Debian's nginx package) with a token and a "
          + "certificate for 127.0.0.1 signed by a CA made for the run; prints the client URL with the token and the CA "
          + "file clients must trust.")
  boolean auth;

  @Option(names = "--tls-cert", paramLabel = "FILE",
      description = "With --auth: the proxy's certificate (PEM) instead of one the run makes; with --tls-key.")
  Path tlsCertificate;

  @Option(names = "--tls-key", paramLabel = "FILE", description = "With --auth: the private key (PEM) of --tls-cert.")
  Path tlsKey;

  @Option(names = "--spark-home", paramLabel = "DIR",
      description = "A Spark home with jars/ (default: the one the build assembled for --spark).")
  Path sparkHome;

  @Mixin
  ClusterOptions cluster;

  @Option(names = "--backend", paramLabel = "BACKEND",
      description = "On a cluster: spark.connect.mode.k8s.backend (kubernetes, standalone, operator).")
  String backend;

  @Option(names = "--force", description = "On a cluster: install or upgrade although lint finds problems.")
  boolean force;

  @Option(names = {"-y", "--yes"}, description = "On a cluster: upgrade without asking to confirm the changes.")
  boolean yes;

  @Option(names = "--no-wait",
      description = "On a cluster: return once Helm has applied the release and its workloads are ready, without "
          + "asking the Connect server a query.")
  boolean noWait;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
      description = "On a cluster: how long Helm waits for the workloads (then rolls back) and up for a first "
          + "answer, as an ISO-8601 duration (default: ${DEFAULT-VALUE}).")
  Duration timeout;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    if (!run.local) {
      List<String> shorthands = new ArrayList<>();
      if (backend != null) {
        shorthands.add("spark.connect.mode.k8s.backend=" + backend);
      }
      if (spec.commandLine().getParseResult().hasMatchedOption("--spark")) {
        shorthands.add("spark.version=" + spark.version);
      }
      return new ClusterUp(cluster, chart.renderer(), terminal.out(), ClusterUp.stdin())
          .run(new ClusterUp.Request(values.userValues(), shorthands, force, yes, !noWait, timeout));
    }
    PrintWriter out = terminal.out();
    LocalOptions options = new LocalOptions(spark.version, values.userValues(), workers, connectPort, run.runDir,
        chart.chart, monitoring, new LocalOptions.ConnectAuth(auth, tlsCertificate, tlsKey));
    SparkHome home = sparkHome == null ? SparkHome.built(spark.version) : new SparkHome(spark.version, sparkHome);
    LocalState state = new LocalPlatform(terminal.progress()).up(options, home);
    LocalUpSummary.print(out, state, "spark-k8s down --local" + runDirOption());
    return ExitCode.OK.status();
  }

  private String runDirOption() {
    return run.runDir.equals(LocalOptions.defaultRunDir()) ? "" : " --run-dir " + run.runDir;
  }
}
