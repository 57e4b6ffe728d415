package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.cluster.lifecycle.ReleaseStatus;
import dev.sparkk8s.common.ExitCode;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.sparkk8s.local.LocalPlatform;
import dev.sparkk8s.local.LocalProcessStatus;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s status}: a release on a cluster, or with --local each process, its ports and its health. */
@Command(name = "status",
    description = "Without --local: a release on a cluster (Helm's record: chart, revision, state, the values given; "
        + "each pod with its component, phase, readiness and restarts, executor pods included; the Connect URL). With "
        + "--local: show each process of the local platform, its ports and health. Exit code 1 when one is not running.")
public class StatusCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Mixin
  ClusterOptions cluster;

  @Option(names = "--output", paramLabel = "FORMAT", defaultValue = "text",
      description = "On a cluster: text (default) or json.")
  DoctorOutput.Format output;

  @Override
  public Integer call() {
    PrintWriter out = terminal.out();
    if (!run.local) {
      return cluster.withClient((client, namespace) -> {
        HelmRelease release = ClusterRelease.existing(cluster, client, namespace);
        ReleaseStatusOutput.print(ReleaseStatus.read(client, release), output, out);
        return ExitCode.OK.status();
      });
    }
    List<LocalProcessStatus> statuses = LocalPlatform.status(run.runDir);
    out.printf("%-16s %-9s %-8s %-40s %s%n", "PROCESS", "STATE", "PID", "PORTS", "URL");
    for (LocalProcessStatus s : statuses) {
      out.printf("%-16s %-9s %-8d %-40s %s%n", s.process().name(), s.state(), s.process().pid(),
          s.process().ports(), s.process().url() == null ? "" : s.process().url());
    }
    long unhealthy = statuses.stream().filter(s -> !s.healthy()).count();
    out.println(unhealthy == 0 ? "all " + statuses.size() + " processes running"
        : unhealthy + " of " + statuses.size() + " processes not running");
    return unhealthy == 0 ? ExitCode.OK.status() : ExitCode.CHECK_FAILED.status();
  }
}
