package dev.sparkk8s.kube;

import dev.sparkk8s.local.PodObjects;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** The ConfigMaps and Secrets of a namespace, as a kubelet reads them from the API for the pods it runs. */
record ApiPodObjects(KubernetesClient client, String namespace) implements PodObjects {

  @Override
  public Optional<ConfigMap> configMap(String name) {
    return Optional.ofNullable(client.configMaps().inNamespace(namespace).withName(name).get());
  }

  @Override
  public Optional<Secret> secret(String name) {
    return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get());
  }
}
