package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The ReplicaSet controller: each ReplicaSet has {@code spec.replicas} pods made from its template, named
 * {@code <replica set>-<5 characters>}, its controller in their owner references; extra pods are deleted (the newest
 * first), and its status counts the pods that are Ready.
 */
final class ReplicaSetController {


  private final KubernetesClient client;

  ReplicaSetController(KubernetesClient client) {
    this.client = client;
  }

  void reconcile(ReplicaSet replicaSet, List<Pod> namespacePods) {
    String uid = replicaSet.getMetadata().getUid();
    List<Pod> pods = namespacePods.stream().filter(p -> PodConditions.controlledBy(p, uid))
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null)
        .sorted(Comparator.comparing((Pod p) -> Objects.toString(p.getMetadata().getCreationTimestamp(), ""))
            .thenComparing(p -> p.getMetadata().getName())).toList();
    int replicas = Objects.requireNonNullElse(replicaSet.getSpec().getReplicas(), 1);
    for (int i = pods.size(); i < replicas; i++) {
      client.pods().inNamespace(replicaSet.getMetadata().getNamespace()).resource(pod(replicaSet)).create();
    }
    pods.stream().skip(replicas).forEach(p -> client.resource(p).delete());
    int ready = (int) pods.stream().limit(replicas).filter(PodConditions::ready).count();
    Long generation = replicaSet.getMetadata().getGeneration();
    int current = Math.min(pods.size(), replicas);
    if (replicaSet.getStatus() == null || !Objects.equals(replicaSet.getStatus().getObservedGeneration(), generation)
        || !Objects.equals(replicaSet.getStatus().getReadyReplicas(), ready)
        || !Objects.equals(replicaSet.getStatus().getReplicas(), current)) {
      replicaSet.setStatus(new ReplicaSetStatusBuilder().withReplicas(current).withReadyReplicas(ready)
          .withAvailableReplicas(ready).withFullyLabeledReplicas(current).withObservedGeneration(generation).build());
      client.resource(replicaSet).updateStatus();
    }
  }

  private static Pod pod(ReplicaSet replicaSet) {
    var template = replicaSet.getSpec().getTemplate();
    return new PodBuilder()
        .withMetadata(new ObjectMetaBuilder(template.getMetadata())
            .withName(GeneratedNames.of(replicaSet.getMetadata().getName()))
            .withNamespace(replicaSet.getMetadata().getNamespace())
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("ReplicaSet")
                .withName(replicaSet.getMetadata().getName()).withUid(replicaSet.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build())
            .build())
        .withSpec(template.getSpec())
        .build();
  }
}
