package dev.sparkk8s.kube;

import dev.sparkk8s.render.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A label selector split in the part the fabric8 mock understands (equality and existence) and its
 * set-based requirements ({@code key in (a,b)}, {@code key notin (a,b)}), which the mock ignores
 * and so matches every object: Spark picks the executor pods to label as decommissioning with one.
 */
record SetBasedLabelSelector(String equalityPart, List<LabelSelectorRequirement> setBased) {

  private static final Pattern SET_REQUIREMENT = Pattern.compile("^\\s*(\\S+)\\s+(in|notin)\\s*\\((.*)\\)\\s*$");

  static SetBasedLabelSelector parse(String selector) {
    List<String> equality = new ArrayList<>();
    List<LabelSelectorRequirement> setBased = new ArrayList<>();
    for (String requirement : requirements(selector)) {
      Matcher m = SET_REQUIREMENT.matcher(requirement);
      if (m.matches()) {
        setBased.add(new LabelSelectorRequirement(m.group(1), m.group(2).equals("in") ? "In" : "NotIn",
            Arrays.stream(m.group(3).split(",")).map(String::trim).filter(v -> !v.isEmpty()).toList()));
      } else if (!requirement.isBlank()) {
        equality.add(requirement.trim());
      }
    }
    return new SetBasedLabelSelector(String.join(",", equality), List.copyOf(setBased));
  }

  boolean matches(Map<String, String> labels) {
    return LabelSelectors.matches(new LabelSelector(setBased, Map.of()), labels == null ? Map.of() : labels);
  }

  /** The selector's requirements: split at the commas that are not inside a value list. */
  private static List<String> requirements(String selector) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < selector.length(); i++) {
      char c = selector.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      } else if (c == ',' && depth == 0) {
        out.add(selector.substring(start, i));
        start = i + 1;
      }
    }
    out.add(selector.substring(start));
    return out;
  }
}
