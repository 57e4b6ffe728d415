package dev.sparkk8s.cluster;

import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.cluster.lifecycle.ReleaseReadiness;
import dev.sparkk8s.cluster.portforward.PodPortForwarder;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The checks the Kubernetes harness runs, on a release that {@code up} installed on a real cluster and found ready:
 * the known-answer queries through a port-forward to its Connect server pod, on executors the cluster scheduled, then
 * every executor pod of the release checked against Pod Security "restricted".
 */
public final class ClusterE2e {

  private final Consumer<String> progress;

  public ClusterE2e(Consumer<String> progress) {
    this.progress = progress;
  }

  /**
   * Problems found; empty when every check passed.
   *
   * @param dataDir a directory executors and the driver share (s3a://...), or null to skip the Parquet check
   */
  public List<String> check(KubernetesClient client, HelmRelease release, int connectPort, String dataDir) {
    Optional<Pod> server = ReleaseReadiness.readyServer(client, release);
    if (server.isEmpty()) {
      return List.of("no ready Connect server pod of release " + release.name());
    }
    List<String> problems = new ArrayList<>();
    progress.accept("known-answer queries through a port-forward to pod " + server.get().getMetadata().getName()
        + " port " + connectPort);
    try (PodPortForwarder forward = PodPortForwarder.open(client, release.namespace(),
        server.get().getMetadata().getName(), connectPort)) {
      for (DeploymentCheck.Result r : DeploymentCheck.run("sc://127.0.0.1:" + forward.localPort(), dataDir)) {
        progress.accept("  " + r);
        if (!r.passed()) {
          problems.add(r.toString());
        }
      }
      for (String error : forward.errors()) {
        progress.accept("  port-forward: " + error);
        problems.add("port-forward: " + error);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    problems.addAll(executorPodProblems(client, release));
    return problems;
  }

  /** The executor pods Spark created must carry the template's labels and pass PSS restricted as they run. */
  private static List<String> executorPodProblems(KubernetesClient client, HelmRelease release) {
    List<Pod> pods = client.pods().inNamespace(release.namespace()).withLabel(ChartLabels.INSTANCE, release.name())
        .withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR).list().getItems();
    List<String> problems = new ArrayList<>();
    if (pods.isEmpty()) {
      problems.add("no executor pods of release " + release.name() + " found (labels " + ChartLabels.INSTANCE + "="
          + release.name() + ", " + ChartLabels.SPARK_ROLE + "=" + ChartLabels.SPARK_ROLE_EXECUTOR + ")");
    }
    for (Pod pod : pods) {
      if (!Component.EXECUTOR.labels(pod)) {
        problems.add("executor pod " + pod.getMetadata().getName() + " lacks the template's labels");
      }
    }
    for (Finding f : PolicyEngine.standard().check(new ArrayList<>(pods))) {
      if (f.rule().startsWith("pss-")) {
        problems.add(f.describe());
      }
    }
    return problems;
  }
}
