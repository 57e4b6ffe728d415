package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The garbage collector, for the owners a release and Spark set: a ReplicaSet, pod, ConfigMap or claim all of whose
 * owners (Deployments, ReplicaSets, StatefulSets, Jobs, pods) are gone is deleted in the background, as after
 * {@code helm uninstall} (a Deployment's ReplicaSet, its pods, then the executor pods and ConfigMap the Connect server's
 * pod owned). An object with an owner of another kind is left alone. An owner deleted in the foreground (it carries
 * the {@value #FOREGROUND} finalizer the API server gives it, see {@link RecordingCrudDispatcher}) has its dependents
 * deleted first (a pod gracefully, so its kubelet stops it), and is released once none is left.
 */
final class GarbageCollector {

  /** The finalizer of an object deleted with {@code propagationPolicy: Foreground}. */
  static final String FOREGROUND = "foregroundDeletion";
  private static final Set<String> OWNER_KINDS = Set.of("Deployment", "ReplicaSet", "StatefulSet", "Job", "Pod");

  private final KubernetesClient client;

  GarbageCollector(KubernetesClient client) {
    this.client = client;
  }

  void collect() {
    List<HasMetadata> owners = new ArrayList<>();
    Stream.of(client.apps().deployments().inAnyNamespace().list().getItems(),
            client.apps().replicaSets().inAnyNamespace().list().getItems(),
            client.apps().statefulSets().inAnyNamespace().list().getItems(),
            client.batch().v1().jobs().inAnyNamespace().list().getItems(),
            client.pods().inAnyNamespace().list().getItems())
        .forEach(owners::addAll);
    Set<String> uids = new HashSet<>();
    owners.forEach(o -> uids.add(o.getMetadata().getUid()));
    List<HasMetadata> dependents = new ArrayList<>();
    Stream.of(client.apps().replicaSets().inAnyNamespace().list().getItems(),
            client.pods().inAnyNamespace().list().getItems(),
            client.configMaps().inAnyNamespace().list().getItems(),
            client.persistentVolumeClaims().inAnyNamespace().list().getItems())
        .forEach(dependents::addAll);
    dependents.stream().filter(o -> orphan(o, uids)).forEach(o -> client.resource(o).delete());
    owners.stream().filter(GarbageCollector::deletingInForeground).forEach(o -> deleteForeground(o, dependents));
  }

  /** Deletes the owner's dependents; once none is left, removes its finalizer, which lets the API server delete it. */
  private void deleteForeground(HasMetadata owner, List<HasMetadata> dependents) {
    List<HasMetadata> own = dependents.stream().filter(d -> ownedBy(d, owner.getMetadata().getUid())).toList();
    own.stream().filter(d -> d.getMetadata().getDeletionTimestamp() == null).forEach(d -> client.resource(d).delete());
    if (own.isEmpty()) {
      owner.getMetadata().getFinalizers().remove(FOREGROUND);
      try {
        client.resource(owner).update();
      } catch (KubernetesClientException e) {
        // changed meanwhile: the next round sees it again
      }
    }
  }

  private static boolean deletingInForeground(HasMetadata o) {
    return o.getMetadata().getDeletionTimestamp() != null && o.getMetadata().getFinalizers() != null
        && o.getMetadata().getFinalizers().contains(FOREGROUND);
  }

  private static boolean ownedBy(HasMetadata o, String uid) {
    return o.getMetadata().getOwnerReferences() != null
        && o.getMetadata().getOwnerReferences().stream().anyMatch(r -> uid.equals(r.getUid()));
  }

  private static boolean orphan(HasMetadata o, Set<String> owners) {
    List<OwnerReference> refs = o.getMetadata().getOwnerReferences();
    return o.getMetadata().getDeletionTimestamp() == null && refs != null && !refs.isEmpty()
        && refs.stream().allMatch(r -> OWNER_KINDS.contains(r.getKind()) && !owners.contains(r.getUid()));
  }
}
