package dev.sparkk8s.cluster.doctor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.PodStatusBuilder;
import java.util.List;

/** Pod statuses as a kubelet (and the scheduler) report them. */
public final class KubeletStatus {

  static final String STARTED = "2026-12-03T10:00:00Z";

  private KubeletStatus() {
  }

  /** Scheduled, init containers completed, every container running and ready. */
  static PodStatus runningAndReady(Pod pod) {
    return new PodStatusBuilder().withPhase("Running").withPodIP("10.1.0.7").withHostIP("10.0.0.3")
        .withStartTime(STARTED)
        .withConditions(condition("PodScheduled", "True"), condition("Initialized", "True"),
            condition("ContainersReady", "True"), condition("Ready", "True"))
        .withInitContainerStatuses(statuses(pod.getSpec().getInitContainers(), true))
        .withContainerStatuses(statuses(pod.getSpec().getContainers(), false))
        .build();
  }

  /** Created, not placed: the scheduler's condition with its message. */
  static PodStatus unschedulable(String message) {
    return new PodStatusBuilder().withPhase("Pending")
        .withConditions(new PodConditionBuilder().withType("PodScheduled").withStatus("False")
            .withReason("Unschedulable").withMessage(message).withLastTransitionTime(STARTED).build())
        .build();
  }

  /** The container waits (it is not running) for the reason the kubelet gives; the pod is not ready. */
  public static ContainerStatus waiting(Pod pod, String container, String reason, String message) {
    ContainerStatus status = status(pod, container);
    status.setState(new ContainerStateBuilder().withNewWaiting().withReason(reason).withMessage(message).endWaiting()
        .build());
    status.setReady(false);
    status.setStarted(false);
    notReady(pod);
    return status;
  }

  /** The container's last run ended as given, after {@code restarts} restarts. */
  static ContainerStatus lastTerminated(Pod pod, String container, int exitCode, String reason, String message,
      int restarts) {
    ContainerStatus status = status(pod, container);
    status.setLastState(new ContainerStateBuilder().withNewTerminated().withExitCode(exitCode).withReason(reason)
        .withMessage(message).withStartedAt(STARTED).withFinishedAt("2026-12-03T10:04:00Z").endTerminated().build());
    status.setRestartCount(restarts);
    return status;
  }

  /** {@code status.containerStatuses[container]} or {@code initContainerStatuses[container]}. */
  static ContainerStatus status(Pod pod, String container) {
    return java.util.stream.Stream.concat(pod.getStatus().getInitContainerStatuses().stream(),
            pod.getStatus().getContainerStatuses().stream())
        .filter(s -> container.equals(s.getName())).findFirst().orElseThrow();
  }

  private static void notReady(Pod pod) {
    pod.getStatus().getConditions().stream().filter(c -> c.getType().endsWith("Ready"))
        .forEach(c -> c.setStatus("False"));
  }

  static PodCondition condition(String type, String status) {
    return new PodConditionBuilder().withType(type).withStatus(status).withLastTransitionTime(STARTED).build();
  }

  private static List<ContainerStatus> statuses(List<Container> containers, boolean init) {
    return containers == null ? List.of() : containers.stream().map(c -> {
      ContainerStatusBuilder status = new ContainerStatusBuilder().withName(c.getName()).withImage(c.getImage())
          .withImageID(c.getImage() + "@sha256:0f3c").withRestartCount(0).withReady(!init).withStarted(!init);
      return init
          ? status.withNewState().withNewTerminated().withExitCode(0).withReason("Completed").withStartedAt(STARTED)
              .withFinishedAt(STARTED).endTerminated().endState().build()
          : status.withNewState().withNewRunning().withStartedAt(STARTED).endRunning().endState().build();
    }).toList();
  }
}
