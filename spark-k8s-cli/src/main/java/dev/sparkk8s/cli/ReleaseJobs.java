package dev.sparkk8s.cli;

import dev.sparkk8s.jobs.ops.JobCatalog;
import dev.sparkk8s.jobs.ops.JobProfiles;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Function;

/** Runs a jobs subcommand's work with a client to the cluster and the catalog of the release's jobs. */
final class ReleaseJobs {

  private ReleaseJobs() {
  }

  static <T> T with(ClusterOptions options, Function<JobCatalog, T> work) {
    return options.withClient((client, namespace) ->
        work.apply(new JobCatalog(client, namespace, JobProfiles.read(client, namespace, options.release))));
  }
}
