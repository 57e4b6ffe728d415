package dev.sparkk8s.cluster.doctor;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** What the diagnoses read from a pod as a kubelet and the scheduler report it. */
public final class Pods {

  private Pods() {
  }

  /** One container of a pod with the status its kubelet reports. */
  public record ContainerRun(Pod pod, ContainerStatus status, boolean init) {

    public String name() {
      return status.getName();
    }

    /** The container's spec, if the pod has one of that name. */
    public Optional<Container> spec() {
      List<Container> containers = init ? pod.getSpec().getInitContainers() : pod.getSpec().getContainers();
      return containers == null ? Optional.empty()
          : containers.stream().filter(c -> name().equals(c.getName())).findFirst();
    }

    /** {@code status.containerStatuses[name]} or {@code status.initContainerStatuses[name]}. */
    public String field() {
      return "status." + (init ? "initContainerStatuses" : "containerStatuses") + "[" + name() + "]";
    }
  }

  /** {@code Pod/name}, as findings name a resource. */
  public static String ref(Pod pod) {
    return "Pod/" + pod.getMetadata().getName();
  }

  /** Every container status of the pod, init containers first. */
  public static Stream<ContainerRun> containerRuns(Pod pod) {
    if (pod.getStatus() == null) {
      return Stream.empty();
    }
    return Stream.concat(runs(pod, pod.getStatus().getInitContainerStatuses(), true),
        runs(pod, pod.getStatus().getContainerStatuses(), false));
  }

  public static Optional<PodCondition> condition(Pod pod, String type) {
    if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
  }

  /** The pod's Ready condition is True. */
  public static boolean ready(Pod pod) {
    return condition(pod, "Ready").filter(c -> "True".equals(c.getStatus())).isPresent();
  }

  private static Stream<ContainerRun> runs(Pod pod, List<ContainerStatus> statuses, boolean init) {
    return statuses == null ? Stream.empty() : statuses.stream().map(s -> new ContainerRun(pod, s, init));
  }
}
