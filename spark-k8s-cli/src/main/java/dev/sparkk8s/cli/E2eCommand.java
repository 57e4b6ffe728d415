package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.ClusterE2e;
import dev.sparkk8s.cluster.Kubeconfigs;
import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.cluster.lifecycle.ReleaseRemoval;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.contract.ChartServices;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code spark-k8s e2e --kubeconfig FILE}: {@code up}, the Kubernetes harness's checks, {@code down}, on a real cluster. */
@Command(name = "e2e",
    description = {"Run the kubernetes backend checks on a real cluster: install release " + E2eCommand.RELEASE
        + " in an existing namespace as 'up' does (Helm's own code, lint first, atomic; an existing one is upgraded "
        + "without asking) and wait until its Connect server answers a first query through a port-forward; then run "
        + "the known-answer queries through a port-forward and check every executor pod of the release against Pod "
        + "Security 'restricted'; then remove the release as 'down' does, unless --keep.",
        "Without --kubeconfig it is skipped (exit 0): the same checks run in 'mvn verify' against a mock API.",
        "Exit 0: every check passed; 1: up did not end ready, or a check failed; 2: no such kubeconfig, context or "
            + "namespace, an API server that does not answer."})
public class E2eCommand implements Callable<Integer> {

  static final String RELEASE = "spark-e2e";

  @Mixin
  Terminal terminal;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig of the cluster to test.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "CONTEXT", description = "Context of the kubeconfig (default: its current one).")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "spark-k8s-e2e",
      description = "An existing namespace to deploy into (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Mixin
  SparkVersionOption spark;

  @Option(names = "--data", paramLabel = "URI",
      description = "A directory executors and the driver share (e.g. s3a://bucket/e2e) for the Parquet check.")
  String dataDir;

  @Option(names = "--keep", description = "Leave the release installed after the checks.")
  boolean keep;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT10M",
      description = "How long Helm waits for the workloads (then rolls back) and up for a first answer, as an "
          + "ISO-8601 duration (default: ${DEFAULT-VALUE}; images pull first).")
  Duration timeout;

  @Mixin
  ValuesInputs values;

  @Mixin
  ChartOption chart;

  private ChartRenderer renderer;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    if (kubeconfig == null) {
      out.println("e2e: skipped: no --kubeconfig given (the same checks run against a mock Kubernetes API in "
          + "'mvn verify'; see README, 'What is validated where')");
      return ExitCode.OK.status();
    }
    if (!Files.isReadable(kubeconfig)) {
      throw new ParameterException(terminal.commandLine(), "--kubeconfig " + kubeconfig + ": no such readable file");
    }
    ClusterOptions cluster = ClusterOptions.of(kubeconfig, context, namespace, RELEASE);
    renderer = chart.renderer();
    ClusterUp up = new ClusterUp(cluster, renderer, out, ClusterUp.stdin());
    List<String> problems = new ArrayList<>();
    try {
      int status = up.run(new ClusterUp.Request(values.userValues(), List.of("spark.version=" + spark.version,
          "spark.connect.mode.k8s.backend=kubernetes"), false, true, true, timeout));
      if (status == ExitCode.OK.status()) {
        int connectPort = ChartServices.targetPort(up.rendered().orElseThrow(), Component.CONNECT, PortNames.GRPC);
        problems.addAll(cluster.withClient((client, ns) -> new ClusterE2e(terminal.progress())
            .check(client, release(ns), connectPort, dataDir)));
      } else {
        problems.add("release " + RELEASE + " did not end ready: up exited " + status + " (its output is above)");
      }
    } finally {
      if (!keep && up.rendered().isPresent()) {
        down(cluster, out);
      }
    }
    problems.forEach(terminal::problem);
    out.println(problems.isEmpty() ? "e2e: passed" : "e2e: " + problems.size() + " problems");
    return problems.isEmpty() ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }

  /** {@code down}, when there is a release to remove (Helm's atomic install removes one that never got ready). */
  private void down(ClusterOptions cluster, PrintWriter out) {
    cluster.withClient((client, ns) -> {
      HelmRelease release = release(ns);
      if (release.current().isPresent()) {
        ReleaseRemoval.remove(client, release).forEach(line -> out.println("removed " + line));
      }
      return null;
    });
  }

  private HelmRelease release(String ns) {
    return new HelmRelease(renderer, Kubeconfigs.helmContents(kubeconfig, context), ns, RELEASE);
  }
}
