package dev.sparkk8s.cluster;

import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.ChartServices;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The checks the Kubernetes harness runs, on a real cluster: the rendered release applied to a
 * namespace, the Connect server reached through a port-forward, the known-answer queries run on
 * executors the cluster scheduled, every live executor pod checked against Pod Security
 * "restricted", then the release deleted (unless kept).
 */
public final class ClusterE2e {

  /**
   * @param dataDir a directory executors and the driver share (s3a://...), or null to skip the Parquet check
   */
  public record Options(Path kubeconfig, String namespace, String dataDir, boolean keep) {
  }

  private final Consumer<String> progress;

  public ClusterE2e(Consumer<String> progress) {
    this.progress = progress;
  }

  /** Problems found; empty when every check passed. */
  public List<String> run(RenderedRelease release, Options options) throws IOException {
    Config config = Config.fromKubeconfig(null, Files.readString(options.kubeconfig()), options.kubeconfig().toString());
    List<String> problems = new ArrayList<>();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      List<HasMetadata> objects = release.objects();
      progress.accept("applying " + objects.size() + " objects to namespace " + options.namespace());
      client.resourceList(objects).inNamespace(options.namespace()).forceConflicts().serverSideApply();
      try {
        Pod server = awaitConnectPod(client, options.namespace());
        int connectPort = ChartServices.targetPort(release, Component.CONNECT, PortNames.GRPC);
        progress.accept("Connect server pod " + server.getMetadata().getName() + " is ready; port-forwarding its port "
            + connectPort);
        try (LocalPortForward forward = client.pods().inNamespace(options.namespace())
            .withName(server.getMetadata().getName()).portForward(connectPort)) {
          String url = "sc://127.0.0.1:" + forward.getLocalPort();
          for (DeploymentCheck.Result r : DeploymentCheck.run(url, options.dataDir())) {
            progress.accept("  " + r);
            if (!r.passed()) {
              problems.add(r.toString());
            }
          }
        }
        problems.addAll(executorPodProblems(client, options.namespace()));
      } finally {
        if (!options.keep()) {
          progress.accept("deleting the release's objects");
          client.resourceList(objects).inNamespace(options.namespace()).delete();
        }
      }
    }
    return problems;
  }

  private Pod awaitConnectPod(KubernetesClient client, String namespace) {
    progress.accept("waiting for the Connect server pod to be ready (up to 10 min: images pull first)");
    client.pods().inNamespace(namespace).withLabel(ChartLabels.COMPONENT, Component.CONNECT.label())
        .waitUntilCondition(p -> p != null && p.getStatus() != null && p.getStatus().getConditions() != null
            && p.getStatus().getConditions().stream().anyMatch(c -> "Ready".equals(c.getType())
            && "True".equals(c.getStatus())), 10, TimeUnit.MINUTES);
    return client.pods().inNamespace(namespace).withLabel(ChartLabels.COMPONENT, Component.CONNECT.label()).list()
        .getItems().get(0);
  }

  /** The executor pods Spark created must carry the template's labels and pass PSS restricted as they run. */
  private static List<String> executorPodProblems(KubernetesClient client, String namespace) {
    List<Pod> pods = client.pods().inNamespace(namespace)
        .withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR).list().getItems();
    List<String> problems = new ArrayList<>();
    if (pods.isEmpty()) {
      problems.add("no executor pods found (label " + ChartLabels.SPARK_ROLE + "=" + ChartLabels.SPARK_ROLE_EXECUTOR + ")");
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
