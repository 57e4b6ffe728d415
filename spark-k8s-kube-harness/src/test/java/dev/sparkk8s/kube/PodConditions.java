package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Pod;

/** What controllers read from a pod's status. */
final class PodConditions {

  private PodConditions() {
  }

  /** Ready, as its kubelet reports it, and not being deleted. */
  static boolean ready(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null && pod.getStatus() != null
        && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  /** Whether its controller (the owner reference with {@code controller: true}) has this uid. */
  static boolean controlledBy(io.fabric8.kubernetes.api.model.HasMetadata object, String uid) {
    return object.getMetadata().getOwnerReferences() != null && object.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && uid.equals(o.getUid()));
  }
}
