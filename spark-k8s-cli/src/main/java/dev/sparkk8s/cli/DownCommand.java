package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.cluster.lifecycle.ReleaseRemoval;
import dev.sparkk8s.common.ExitCode;
import io.fabric8.kubernetes.client.KubernetesClient;
import dev.sparkk8s.local.LocalPlatform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code spark-k8s down}: uninstalls a release from a cluster, or stops every process of the local platform. */
@Command(name = "down",
    description = "Without --local: uninstall the release from the cluster with Helm, then delete the executor pods "
        + "and the claims Spark created on demand for it (Helm does not know them), and say what was removed. With "
        + "--local: stop the local platform: every process and its executors, and its Prometheus server, gracefully, "
        + "then forcibly after 15 s; the embedded S3 server last. Its buckets stay in the run directory (s3/data) "
        + "for the next up.")
public class DownCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  LocalRunOption run;

  @Option(names = "--delete-s3-data", description = "Also delete the embedded S3 server's buckets and objects.")
  boolean deleteS3Data;

  @Mixin
  ClusterOptions cluster;

  @Override
  public Integer call() {
    if (!run.local) {
      return cluster.withClient((client, namespace) -> {
        HelmRelease release = ClusterRelease.existing(cluster, client, namespace);
        ReleaseRemoval.remove(client, release).forEach(line -> terminal.out().println("removed " + line));
        return ExitCode.OK.status();
      });
    }
    int stopped = LocalPlatform.down(run.runDir, deleteS3Data);
    terminal.out().println(stopped == 0 ? "nothing was running" : "stopped " + stopped + " processes");
    return ExitCode.OK.status();
  }
}
