package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.NodeAffinity;
import io.fabric8.kubernetes.api.model.NodeSelectorRequirement;
import io.fabric8.kubernetes.api.model.NodeSelectorTerm;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The scheduler's filters for the one local node, with its messages: the pod's nodeSelector and
 * required node affinity match the node's labels, its tolerations cover the node's NoSchedule and
 * NoExecute taints, the node has the extended resources (GPUs) it asks for besides what the pods
 * on it hold, and its claims exist and are bound. A pod that does not fit stays Pending and is
 * tried again when something changes, as a scheduler retries.
 */
final class PodScheduling {

  private static final String NONE_FITS = "0/1 nodes are available: ";

  private PodScheduling() {
  }

  /**
   * Why the pod cannot go on the node now, or empty when it can.
   *
   * @param onNode the pods whose containers run on the node
   * @param claims the namespace's claims by name
   */
  static Optional<String> unschedulable(Pod pod, LocalNode node, List<Pod> onNode,
      Function<String, Optional<PersistentVolumeClaim>> claims) {
    Map<String, String> selector = pod.getSpec().getNodeSelector();
    if (selector != null && !node.labels().entrySet().containsAll(selector.entrySet())
        || !requiredAffinityMatches(pod.getSpec().getAffinity(), node.labels())) {
      return Optional.of(NONE_FITS + "1 node(s) didn't match Pod's node affinity/selector.");
    }
    for (Taint taint : node.taints()) {
      if (!taint.getEffect().equals("PreferNoSchedule") && !tolerated(taint, pod.getSpec().getTolerations())) {
        return Optional.of(NONE_FITS + "1 node(s) had untolerated taint {" + taint.getKey()
            + (taint.getValue() == null ? "" : ": " + taint.getValue()) + "}.");
      }
    }
    for (Map.Entry<String, Quantity> wanted : extendedRequests(pod).entrySet()) {
      BigDecimal free = BigDecimal.valueOf(node.extendedResources().getOrDefault(wanted.getKey(), 0))
          .subtract(onNode.stream().map(p -> extendedRequests(p).get(wanted.getKey())).filter(Objects::nonNull)
              .map(Quantity::getNumericalAmount).reduce(BigDecimal.ZERO, BigDecimal::add));
      if (wanted.getValue().getNumericalAmount().compareTo(free) > 0) {
        return Optional.of(NONE_FITS + "1 Insufficient " + wanted.getKey() + ".");
      }
    }
    for (Volume v : pod.getSpec().getVolumes()) {
      if (v.getPersistentVolumeClaim() == null) {
        continue;
      }
      String name = v.getPersistentVolumeClaim().getClaimName();
      Optional<PersistentVolumeClaim> claim = claims.apply(name);
      if (claim.isEmpty()) {
        return Optional.of(NONE_FITS + "persistentvolumeclaim \"" + name + "\" not found.");
      }
      if (claim.get().getStatus() == null || !"Bound".equals(claim.get().getStatus().getPhase())) {
        return Optional.of(NONE_FITS + "pod has unbound immediate PersistentVolumeClaims.");
      }
    }
    return Optional.empty();
  }

  /**
   * Extended resources (a name with a domain, such as {@code nvidia.com/gpu}) the pod's containers
   * ask for: their limits, which are also their requests.
   */
  static Map<String, Quantity> extendedRequests(Pod pod) {
    Map<String, Quantity> out = new LinkedHashMap<>();
    for (Container c : pod.getSpec().getContainers()) {
      if (c.getResources() == null || c.getResources().getLimits() == null) {
        continue;
      }
      c.getResources().getLimits().forEach((name, q) -> {
        if (name.contains("/") && !name.startsWith("kubernetes.io/") && !name.startsWith("hugepages-")) {
          out.merge(name, q, (a, b) -> new Quantity(a.getNumericalAmount().add(b.getNumericalAmount()).toPlainString()));
        }
      });
    }
    return out;
  }

  private static boolean tolerated(Taint taint, List<Toleration> tolerations) {
    if (tolerations == null) {
      return false;
    }
    return tolerations.stream().anyMatch(t -> (t.getEffect() == null || t.getEffect().isEmpty()
        || t.getEffect().equals(taint.getEffect()))
        && (t.getKey() == null || t.getKey().isEmpty() ? "Exists".equals(t.getOperator()) : t.getKey().equals(taint.getKey()))
        && ("Exists".equals(t.getOperator()) || Objects.equals(Objects.toString(t.getValue(), ""),
            Objects.toString(taint.getValue(), ""))));
  }

  /** requiredDuringSchedulingIgnoredDuringExecution: one of the terms matches, a term when all its expressions do. */
  private static boolean requiredAffinityMatches(Affinity affinity, Map<String, String> labels) {
    NodeAffinity node = affinity == null ? null : affinity.getNodeAffinity();
    if (node == null || node.getRequiredDuringSchedulingIgnoredDuringExecution() == null) {
      return true;
    }
    List<NodeSelectorTerm> terms = node.getRequiredDuringSchedulingIgnoredDuringExecution().getNodeSelectorTerms();
    return terms.stream().anyMatch(term -> term.getMatchExpressions() != null
        && term.getMatchExpressions().stream().allMatch(e -> matches(e, labels)));
  }

  private static boolean matches(NodeSelectorRequirement e, Map<String, String> labels) {
    String value = labels.get(e.getKey());
    return switch (e.getOperator()) {
      case "In" -> value != null && e.getValues().contains(value);
      case "NotIn" -> value == null || !e.getValues().contains(value);
      case "Exists" -> value != null;
      case "DoesNotExist" -> value == null;
      default -> false;
    };
  }
}
