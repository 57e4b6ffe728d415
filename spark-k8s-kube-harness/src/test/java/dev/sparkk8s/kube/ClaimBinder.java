package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimStatusBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * What a dynamic provisioner and the volume controller do for a new claim: a claim of an existing
 * StorageClass (or, without one, of the cluster's default class) gets a volume and is Bound with
 * the capacity it asked for; a claim of a class that does not exist stays Pending. The kubelet
 * mounts a bound claim as a directory of the run, one per claim.
 */
final class ClaimBinder {

  static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

  private ClaimBinder() {
  }

  /** Binds the claim if it can be; whether it is bound now. */
  static boolean bind(KubernetesClient client, PersistentVolumeClaim claim) {
    if (claim.getStatus() != null && "Bound".equals(claim.getStatus().getPhase())) {
      return true;
    }
    if (storageClass(client, claim.getSpec().getStorageClassName()).isEmpty()) {
      return false;
    }
    claim.setStatus(new PersistentVolumeClaimStatusBuilder().withPhase("Bound")
        .withAccessModes(claim.getSpec().getAccessModes())
        .withCapacity(claim.getSpec().getResources().getRequests()).build());
    client.persistentVolumeClaims().inNamespace(claim.getMetadata().getNamespace()).resource(claim).updateStatus();
    return true;
  }

  private static Optional<StorageClass> storageClass(KubernetesClient client, String name) {
    if (name == null) {
      return client.storage().v1().storageClasses().list().getItems().stream()
          .filter(c -> c.getMetadata().getAnnotations() != null
              && "true".equals(c.getMetadata().getAnnotations().get(DEFAULT_CLASS_ANNOTATION)))
          .findFirst();
    }
    return Optional.ofNullable(client.storage().v1().storageClasses().withName(name).get());
  }
}
