package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Pod;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the local kubelet reads from a pod to decide how to run it. */
final class WorkloadPodSpec {

  private static final Set<String> WORKLOAD_CONTROLLERS = Set.of("ReplicaSet", "StatefulSet");
  private static final Set<String> SPARK_LINES = Set.of("3.5", "4.1");
  /** The tag of an image reference, its Spark line first: {@code apache/spark:3.5.5-scala2.12-java17}. */
  private static final Pattern TAG_LINE = Pattern.compile(":v?(\\d+\\.\\d+)[^/:]*$");

  private WorkloadPodSpec() {
  }

  /** Whether a workload's controller (a ReplicaSet's, a StatefulSet's) created the pod. */
  static boolean ofWorkload(Pod pod) {
    return pod.getMetadata().getOwnerReferences() != null && pod.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && WORKLOAD_CONTROLLERS.contains(o.getKind()));
  }

  /** Whether a Job's controller created the pod (a standalone-backend job's submission). */
  static boolean ofJob(Pod pod) {
    return pod.getMetadata().getOwnerReferences() != null && pod.getMetadata().getOwnerReferences().stream()
        .anyMatch(o -> Boolean.TRUE.equals(o.getController()) && "Job".equals(o.getKind()));
  }

  /** Whether the kubelet runs the pod with the local runtime's workload code: a workload's pod or a Job's. */
  static boolean runsAsWorkload(Pod pod) {
    return ofWorkload(pod) || ofJob(pod);
  }

  /** The Spark line the tag of the pod's (first) container's image names, when it names one this machine has. */
  static Optional<String> sparkLine(Pod pod) {
    String image = pod.getSpec().getContainers().get(0).getImage();
    if (image == null) {
      return Optional.empty();
    }
    Matcher m = TAG_LINE.matcher(image);
    return m.find() && SPARK_LINES.contains(m.group(1)) ? Optional.of(m.group(1)) : Optional.empty();
  }
}
