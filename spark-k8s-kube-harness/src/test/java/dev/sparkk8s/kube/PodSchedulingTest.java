package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The scheduler's filters on the local node: each one keeps a pod Pending with the scheduler's message. */
class PodSchedulingTest {

  private static final LocalNode GPU_NODE = LocalNode.standard().withLabel("pool", "gpu")
      .withNoScheduleTaint("nvidia.com/gpu", null).withExtendedResource("nvidia.com/gpu", 1);

  @Test
  void aPodThatSelectsTheNodeToleratesItsTaintAndFitsItsGpusIsScheduled() {
    assertThat(unschedulable(gpuPod("a"), List.of())).isEmpty();
  }

  @Test
  void aNodeSelectorTheNodeLacksKeepsThePodPending() {
    Pod pod = new PodBuilder(gpuPod("a")).editSpec().addToNodeSelector("pool", "cpu").endSpec().build();
    assertThat(unschedulable(pod, List.of())).hasValue("0/1 nodes are available: 1 node(s) didn't match Pod's node "
        + "affinity/selector.");
  }

  @Test
  void aRequiredNodeAffinityTheNodeLacksKeepsThePodPending() {
    Pod pod = new PodBuilder(gpuPod("a")).editSpec().withNewAffinity().withNewNodeAffinity()
        .withNewRequiredDuringSchedulingIgnoredDuringExecution().addNewNodeSelectorTerm().addNewMatchExpression()
        .withKey("pool").withOperator("In").withValues("cpu").endMatchExpression().endNodeSelectorTerm()
        .endRequiredDuringSchedulingIgnoredDuringExecution().endNodeAffinity().endAffinity().endSpec().build();
    assertThat(unschedulable(pod, List.of())).hasValueSatisfying(m -> assertThat(m).contains("didn't match"));
  }

  @Test
  void anUntoleratedTaintKeepsThePodPending() {
    Pod pod = new PodBuilder(gpuPod("a")).editSpec().withTolerations(List.of()).endSpec().build();
    assertThat(unschedulable(pod, List.of()))
        .hasValue("0/1 nodes are available: 1 node(s) had untolerated taint {nvidia.com/gpu}.");
  }

  @Test
  void aGpuThatAnotherPodHoldsKeepsThePodPending() {
    assertThat(unschedulable(gpuPod("b"), List.of(gpuPod("a"))))
        .hasValue("0/1 nodes are available: 1 Insufficient nvidia.com/gpu.");
  }

  @Test
  void aClaimThatDoesNotExistOrIsNotBoundKeepsThePodPending() {
    Pod pod = new PodBuilder(gpuPod("a")).editSpec().addNewVolume().withName("spark-local-dir-1")
        .withNewPersistentVolumeClaim().withClaimName("claim-1").endPersistentVolumeClaim().endVolume().endSpec().build();
    assertThat(PodScheduling.unschedulable(pod, GPU_NODE, List.of(), name -> Optional.empty()))
        .hasValue("0/1 nodes are available: persistentvolumeclaim \"claim-1\" not found.");
    PersistentVolumeClaim pending = new PersistentVolumeClaimBuilder().withNewMetadata().withName("claim-1").endMetadata()
        .withNewStatus().withPhase("Pending").endStatus().build();
    assertThat(PodScheduling.unschedulable(pod, GPU_NODE, List.of(), name -> Optional.of(pending)))
        .hasValue("0/1 nodes are available: pod has unbound immediate PersistentVolumeClaims.");
    PersistentVolumeClaim bound = new PersistentVolumeClaimBuilder(pending).editStatus().withPhase("Bound").endStatus()
        .build();
    assertThat(PodScheduling.unschedulable(pod, GPU_NODE, List.of(), name -> Optional.of(bound))).isEmpty();
  }

  private static Optional<String> unschedulable(Pod pod, List<Pod> onNode) {
    return PodScheduling.unschedulable(pod, GPU_NODE, onNode, name -> Optional.empty());
  }

  private static Pod gpuPod(String name) {
    return new PodBuilder().withNewMetadata().withName(name).endMetadata().withNewSpec()
        .withNodeSelector(Map.of("pool", "gpu"))
        .addNewToleration().withKey("nvidia.com/gpu").withOperator("Exists").withEffect("NoSchedule").endToleration()
        .addNewContainer().withName("spark-executor").withNewResources()
        .withLimits(Map.of("memory", new Quantity("1Gi"), "nvidia.com/gpu", new Quantity("1"))).endResources()
        .endContainer().endSpec().build();
  }
}
