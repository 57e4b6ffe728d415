package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.doctor.DoctorReport;
import dev.sparkk8s.cluster.doctor.SnapshotReader;
import dev.sparkk8s.common.ExitCode;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s doctor}: what is wrong with a release on a cluster, and how to fix it. */
@Command(name = "doctor",
    description = {"Read a release's state on a cluster (its pods and their statuses, events, Spark configuration, "
        + "the Spark driver's and workers' logs, what the Connect server's and History Server's UIs list, through the "
        + "API server) and explain what is wrong, one finding per line with the fix: images that do not pull, "
        + "OOMKilled containers (with the memory values to raise), crash loops (with the last log lines), pods the "
        + "scheduler cannot place (with its reasons), requests refused by RBAC or Pod Security admission, a Connect "
        + "server without executors, a Standalone worker that cannot reach its master, a History Server without event "
        + "logs, an S3 event-log directory that cannot be created. Needs get/list on pods, pods/log, events, "
        + "configmaps, replicasets, deployments, statefulsets, and get on pods/proxy.",
        "Exit 0: nothing found; 1: findings; 2: no such kubeconfig, context, namespace or release, or an API server "
            + "that does not answer."})
public class DoctorCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ClusterOptions cluster;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "text (default) or json.")
  DoctorOutput.Format output;

  @Override
  public Integer call() {
    DoctorReport report = cluster.withClient((client, namespace) ->
        DoctorReport.of(new SnapshotReader(client), namespace, cluster.release));
    DoctorOutput.print(report, output, terminal.out());
    return report.findings().isEmpty() ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }
}
