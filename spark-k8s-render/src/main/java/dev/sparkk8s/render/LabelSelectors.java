package dev.sparkk8s.render;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** A Kubernetes label selector against an object's labels, as the API server evaluates it. */
public final class LabelSelectors {

  private LabelSelectors() {
  }

  /** True when the labels satisfy every matchLabels entry and every matchExpression; an empty selector selects all. */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
    if (!labels.entrySet().containsAll(required.entrySet())) {
      return false;
    }
    List<LabelSelectorRequirement> expressions =
        selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
    for (LabelSelectorRequirement e : expressions) {
      List<String> values = e.getValues() == null ? List.of() : e.getValues();
      boolean ok = switch (e.getOperator()) {
        case "In" -> labels.containsKey(e.getKey()) && values.contains(labels.get(e.getKey()));
        case "NotIn" -> !labels.containsKey(e.getKey()) || !values.contains(labels.get(e.getKey()));
        case "Exists" -> labels.containsKey(e.getKey());
        case "DoesNotExist" -> !labels.containsKey(e.getKey());
        default -> false;
      };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
