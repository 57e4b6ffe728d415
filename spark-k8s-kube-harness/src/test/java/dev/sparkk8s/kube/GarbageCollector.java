package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The garbage collector, for the owners a release and Spark set: a ReplicaSet, pod, ConfigMap or claim all of whose
 * owners (Deployments, ReplicaSets, StatefulSets, pods) are gone is deleted in the background, as after {@code helm
 * uninstall} (a Deployment's ReplicaSet, its pods, then the executor pods and ConfigMap the Connect server's pod
 * owned). An object with an owner of another kind is left alone.
 */
final class GarbageCollector {

  private static final Set<String> OWNER_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "Pod");

  private final KubernetesClient client;

  GarbageCollector(KubernetesClient client) {
    this.client = client;
  }

  void collect() {
    Set<String> owners = new HashSet<>();
    Stream.of(client.apps().deployments().inAnyNamespace().list().getItems(),
            client.apps().replicaSets().inAnyNamespace().list().getItems(),
            client.apps().statefulSets().inAnyNamespace().list().getItems(),
            client.pods().inAnyNamespace().list().getItems())
        .flatMap(List::stream).forEach(o -> owners.add(o.getMetadata().getUid()));
    Stream.of(client.apps().replicaSets().inAnyNamespace().list().getItems(),
            client.pods().inAnyNamespace().list().getItems(),
            client.configMaps().inAnyNamespace().list().getItems(),
            client.persistentVolumeClaims().inAnyNamespace().list().getItems())
        .flatMap(List::stream)
        .filter(o -> orphan(o, owners))
        .forEach(o -> client.resource(o).delete());
  }

  private static boolean orphan(HasMetadata o, Set<String> owners) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return o.getMetadata().getDeletionTimestamp() == null && refs != null && !refs.isEmpty()
        && refs.stream().allMatch(r -> OWNER_KINDS.contains(r.getKind()) && !owners.contains(r.getUid()));
  }
}
