package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.ComponentValues;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pod the scheduler cannot place, with its reason as it reports it: the pod's {@code PodScheduled} condition
 * ({@code Unschedulable}), or else its last {@code FailedScheduling} event, e.g. {@code 0/3 nodes are available: 1
 * node(s) had untolerated taint {dedicated: gpu}, 2 Insufficient cpu. preemption: ...}. The fix names the values of
 * the pod's component for each reason the message gives.
 */
public final class Unschedulable implements Diagnosis {

  public static final String ID = "unschedulable";
  static final String POD_SCHEDULED = "PodScheduled";
  static final String UNSCHEDULABLE = "Unschedulable";
  static final String FAILED_SCHEDULING = "FailedScheduling";
  private static final Pattern REASONS = Pattern.compile("nodes are available: (.*?)(?:\\. preemption:.*|\\.)?$");
  private static final Pattern INSUFFICIENT = Pattern.compile("Insufficient (\\S+)");
  private static final Pattern TAINT = Pattern.compile("untolerated taint \\{([^:}]+): ?([^}]*)}");

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    for (Pod pod : snapshot.pods()) {
      if (pod.getStatus() != null && "Pending".equals(pod.getStatus().getPhase())) {
        schedulerMessage(snapshot, pod).ifPresent(message -> out.add(new DoctorFinding(ID, Pods.ref(pod), null,
            "Pending: the scheduler reports " + message, fix(pod, message))));
      }
    }
  }

  private static Optional<String> schedulerMessage(ClusterSnapshot snapshot, Pod pod) {
    Optional<String> condition = Pods.condition(pod, POD_SCHEDULED)
        .filter(c -> "False".equals(c.getStatus()) && UNSCHEDULABLE.equals(c.getReason()))
        .map(PodCondition::getMessage);
    if (condition.isPresent()) {
      return condition;
    }
    return snapshot.events().stream()
        .filter(e -> FAILED_SCHEDULING.equals(e.getReason()) && e.getInvolvedObject() != null
            && "Pod".equals(e.getInvolvedObject().getKind())
            && pod.getMetadata().getName().equals(e.getInvolvedObject().getName()))
        .max(Comparator.comparing(Unschedulable::when))
        .map(Event::getMessage);
  }

  private static String when(Event event) {
    String time = event.getLastTimestamp() != null ? event.getLastTimestamp() : event.getEventTime() == null ? null
        : event.getEventTime().getTime();
    return time == null ? "" : time;
  }

  private static String fix(Pod pod, String message) {
    Optional<ComponentValues> values = Component.of(pod).flatMap(ComponentValues::of);
    String podKey = values.map(ComponentValues::pod).orElse("pods");
    Matcher reasons = REASONS.matcher(message.strip());
    Set<String> fixes = new LinkedHashSet<>();
    for (String reason : reasons.find() ? reasons.group(1).split(", ") : new String[0]) {
      Matcher insufficient = INSUFFICIENT.matcher(reason);
      Matcher taint = TAINT.matcher(reason);
      if (insufficient.find()) {
        fixes.add(insufficientFix(insufficient.group(1), values));
      } else if (taint.find()) {
        fixes.add("tolerate the taint " + taint.group(1) + (taint.group(2).isBlank() ? "" : "=" + taint.group(2))
            + " in " + podKey + ".tolerations (pods.tolerations for every pod) or keep the pod off those nodes");
      } else if (reason.contains("untolerated taint")) {
        fixes.add("tolerate the nodes' taints (kubectl describe nodes) in " + podKey + ".tolerations");
      } else if (reason.contains("node affinity/selector")) {
        fixes.add("make " + podKey + ".nodeSelector and " + podKey + ".affinity match the labels of nodes that exist");
      }
    }
    return fixes.isEmpty() ? "see kubectl describe pod " + pod.getMetadata().getName() : String.join("; ", fixes);
  }

  private static String insufficientFix(String resource, Optional<ComponentValues> values) {
    String value = switch (resource) {
      case "cpu" -> values.map(ComponentValues::cores).orElse(null);
      case "memory" -> values.map(ComponentValues::memory).orElse(null);
      default -> null;
    };
    return value == null ? "add nodes with free " + resource
        : "lower " + value + " or add nodes with free " + resource;
  }
}
