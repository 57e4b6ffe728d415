package dev.sparkk8s.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

/** The namespace a command works in must exist. */
public final class Namespaces {

  private Namespaces() {
  }

  /** @throws ClusterInputException when it does not exist; a user allowed in it but not to read it passes */
  public static void require(KubernetesClient client, String namespace) {
    try {
      if (client.namespaces().withName(namespace).get() == null) {
        throw new ClusterInputException("namespace " + namespace + " does not exist");
      }
    } catch (KubernetesClientException e) {
      if (e.getCode() != 403) {
        throw e;
      }
    }
  }
}
