package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.ApiErrors;
import dev.sparkk8s.cluster.ClusterInputException;
import dev.sparkk8s.cluster.Kubeconfigs;
import dev.sparkk8s.cluster.Namespaces;
import dev.sparkk8s.cluster.lifecycle.HelmRelease;
import dev.sparkk8s.render.ChartRenderer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The existing Helm release that {@code status} and {@code down} work on; bad input as one line. */
final class ClusterRelease {

  private ClusterRelease() {
  }

  static HelmRelease existing(ClusterOptions cluster, KubernetesClient client, String namespace) {
    try {
      Namespaces.require(client, namespace);
    } catch (KubernetesClientException e) {
      throw ApiErrors.asInput(client, e);
    }
    HelmRelease release = new HelmRelease(ChartRenderer.bundled(),
        Kubeconfigs.helmContents(cluster.kubeconfig, cluster.context), namespace, cluster.release);
    release.current().orElseThrow(() -> new ClusterInputException("no Helm release "
        + cluster.release + " in namespace " + namespace));
    return release;
  }
}
