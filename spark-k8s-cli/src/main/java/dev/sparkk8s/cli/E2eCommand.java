package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.ClusterE2e;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.render.RenderRequest;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code spark-k8s e2e --kubeconfig FILE}: the Kubernetes harness's checks on a real cluster. */
@Command(name = "e2e",
    description = {"Run the kubernetes backend checks on a real cluster: apply the rendered release to a namespace, "
        + "wait for the Connect server, run the known-answer queries through a port-forward, check every executor "
        + "pod against Pod Security 'restricted', then delete the release.",
        "Without --kubeconfig it is skipped (exit 0): the same checks run in 'mvn verify' against a mock API."})
public class E2eCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "Kubeconfig of the cluster to test.")
  Path kubeconfig;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = "spark-k8s-e2e",
      description = "An existing namespace to deploy into (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Mixin
  SparkVersionOption spark;

  @Option(names = "--data", paramLabel = "URI",
      description = "A directory executors and the driver share (e.g. s3a://bucket/e2e) for the Parquet check.")
  String dataDir;

  @Option(names = "--keep", description = "Leave the release running after the checks.")
  boolean keep;

  @Mixin
  ValuesInputs values;

  @Mixin
  ChartOption chart;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = terminal.out();
    if (kubeconfig == null) {
      out.println("e2e: skipped: no --kubeconfig given (the same checks run against a mock Kubernetes API in "
          + "'mvn verify'; see README, 'What is validated where')");
      return ExitCode.OK.status();
    }
    if (!Files.isReadable(kubeconfig)) {
      throw new ParameterException(terminal.commandLine(), "--kubeconfig " + kubeconfig + ": no such readable file");
    }
    RenderRequest.Builder request = RenderRequest.builder().release("spark-e2e").namespace(namespace)
        .set("spark.version", spark.version).set("spark.connect.mode.k8s.backend", "kubernetes")
        .values(values.userValues());
    List<String> problems = new ClusterE2e(terminal.progress())
        .run(chart.renderer().render(request.build()), new ClusterE2e.Options(kubeconfig, namespace, dataDir, keep));
    problems.forEach(terminal::problem);
    out.println(problems.isEmpty() ? "e2e: passed" : "e2e: " + problems.size() + " problems");
    return problems.isEmpty() ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }
}
