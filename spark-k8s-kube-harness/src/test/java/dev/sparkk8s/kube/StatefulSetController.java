package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The StatefulSet controller: replicas {@code <name>-0 .. <name>-(n-1)} made from the template (labelled with their
 * revision, the StatefulSet their controller, a claim {@code <template>-<name>-<ordinal>} per volumeClaimTemplate,
 * created when missing), one by one in order once the ones before are Ready ({@code OrderedReady}) or all at once
 * ({@code Parallel}); extra replicas deleted; on a template change the rolling update replaces one pod at a time,
 * the highest ordinal first, once every pod of the new revision is Ready (the replacement is created when the old pod
 * is gone). Its status counts Ready pods and says which revision they run.
 */
final class StatefulSetController {

  static final String REVISION_LABEL = "controller-revision-hash";

  private final KubernetesClient client;

  StatefulSetController(KubernetesClient client) {
    this.client = client;
  }

  void reconcile(StatefulSet sts, List<Pod> namespacePods) {
    String name = sts.getMetadata().getName();
    String namespace = sts.getMetadata().getNamespace();
    int replicas = Objects.requireNonNullElse(sts.getSpec().getReplicas(), 1);
    String revision = revision(sts);
    List<Pod> owned = namespacePods.stream().filter(p -> PodConditions.controlledBy(p, sts.getMetadata().getUid()))
        .toList();
    boolean parallel = "Parallel".equals(sts.getSpec().getPodManagementPolicy());
    boolean terminating = owned.stream().anyMatch(p -> p.getMetadata().getDeletionTimestamp() != null);
    List<Pod> replicasNow = new ArrayList<>();
    boolean creating = true;
    for (int ordinal = 0; ordinal < replicas; ordinal++) {
      Optional<Pod> pod = find(owned, name + "-" + ordinal);
      if (pod.isEmpty() && creating) {
        createClaims(sts, ordinal);
        client.pods().inNamespace(namespace).resource(pod(sts, ordinal, revision)).create();
        creating = parallel;
      } else if (pod.isPresent()) {
        replicasNow.add(pod.get());
        creating = creating && (parallel || PodConditions.ready(pod.get()));
      } else {
        creating = false;
      }
    }
    owned.stream().filter(p -> ordinal(sts, p) >= replicas && p.getMetadata().getDeletionTimestamp() == null)
        .forEach(p -> client.resource(p).delete());
    List<Pod> outdated = replicasNow.stream().filter(p -> !revision.equals(revisionOf(p))).toList();
    boolean updatedReady = replicasNow.stream().filter(p -> revision.equals(revisionOf(p))).allMatch(PodConditions::ready);
    if (!outdated.isEmpty() && !terminating && replicasNow.size() == replicas && updatedReady) {
      client.resource(outdated.get(outdated.size() - 1)).delete();
    }
    reportStatus(sts, replicasNow, revision);
  }

  private void reportStatus(StatefulSet sts, List<Pod> pods, String revision) {
    int ready = (int) pods.stream().filter(PodConditions::ready).count();
    int updated = (int) pods.stream().filter(p -> revision.equals(revisionOf(p))).count();
    String current = updated == pods.size() || sts.getStatus() == null || sts.getStatus().getCurrentRevision() == null
        ? revision : sts.getStatus().getCurrentRevision();
    var status = new StatefulSetStatusBuilder().withObservedGeneration(sts.getMetadata().getGeneration())
        .withReplicas(pods.size()).withReadyReplicas(ready).withAvailableReplicas(ready)
        .withUpdatedReplicas(updated).withCurrentReplicas(current.equals(revision) ? updated : pods.size() - updated)
        .withCurrentRevision(current).withUpdateRevision(revision).build();
    if (!status.equals(sts.getStatus())) {
      sts.setStatus(status);
      client.resource(sts).updateStatus();
    }
  }

  private void createClaims(StatefulSet sts, int ordinal) {
    List<PersistentVolumeClaim> templates = sts.getSpec().getVolumeClaimTemplates();
    if (templates == null) {
      return;
    }
    for (PersistentVolumeClaim template : templates) {
      String claim = claimName(template, sts, ordinal);
      var claims = client.persistentVolumeClaims().inNamespace(sts.getMetadata().getNamespace());
      if (claims.withName(claim).get() == null) {
        claims.resource(new PersistentVolumeClaimBuilder().withNewMetadata().withName(claim)
            .withLabels(sts.getSpec().getSelector().getMatchLabels()).endMetadata()
            .withSpec(template.getSpec()).build()).create();
      }
    }
  }

  private static Pod pod(StatefulSet sts, int ordinal, String revision) {
    var template = sts.getSpec().getTemplate();
    String name = sts.getMetadata().getName() + "-" + ordinal;
    PodBuilder pod = new PodBuilder()
        .withMetadata(new ObjectMetaBuilder(template.getMetadata()).withName(name)
            .withNamespace(sts.getMetadata().getNamespace())
            .addToLabels(Map.of(REVISION_LABEL, revision, "statefulset.kubernetes.io/pod-name", name,
                "apps.kubernetes.io/pod-index", String.valueOf(ordinal)))
            .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion("apps/v1").withKind("StatefulSet")
                .withName(sts.getMetadata().getName()).withUid(sts.getMetadata().getUid())
                .withController(true).withBlockOwnerDeletion(true).build())
            .build())
        .withSpec(template.getSpec())
        .editSpec().withHostname(name).withSubdomain(sts.getSpec().getServiceName()).endSpec();
    if (sts.getSpec().getVolumeClaimTemplates() != null) {
      for (PersistentVolumeClaim claim : sts.getSpec().getVolumeClaimTemplates()) {
        pod.editSpec().addToVolumes(new VolumeBuilder().withName(claim.getMetadata().getName())
            .withNewPersistentVolumeClaim().withClaimName(claimName(claim, sts, ordinal)).endPersistentVolumeClaim()
            .build()).endSpec();
      }
    }
    return pod.build();
  }

  private static String claimName(PersistentVolumeClaim template, StatefulSet sts, int ordinal) {
    return template.getMetadata().getName() + "-" + sts.getMetadata().getName() + "-" + ordinal;
  }

  /** The template's revision, as the controller's ControllerRevisions name it. */
  static String revision(StatefulSet sts) {
    return sts.getMetadata().getName() + "-" + Integer.toHexString(sts.getSpec().getTemplate().hashCode());
  }

  private static String revisionOf(Pod pod) {
    return pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(REVISION_LABEL);
  }

  private static Optional<Pod> find(List<Pod> pods, String name) {
    return pods.stream().filter(p -> p.getMetadata().getName().equals(name)).findFirst();
  }

  private static int ordinal(StatefulSet sts, Pod pod) {
    String suffix = pod.getMetadata().getName().substring(sts.getMetadata().getName().length() + 1);
    return suffix.matches("[0-9]+") ? Integer.parseInt(suffix) : Integer.MAX_VALUE;
  }
}
