package dev.sparkk8s.kube;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A label selector split in the part the fabric8 mock understands (equality and existence) and its
 * set-based requirements ({@code key in (a,b)}, {@code key notin (a,b)}), which the mock ignores
 * and so matches every object: Spark picks the executor pods to label as decommissioning with one.
 */
record SetBasedLabelSelector(String equalityPart, List<Requirement> setBased) {

  private static final Pattern SET_REQUIREMENT = Pattern.compile("^\\s*(\\S+)\\s+(in|notin)\\s*\\((.*)\\)\\s*$");

  /** One {@code key in (values)} or {@code key notin (values)}. */
  record Requirement(String key, boolean in, Set<String> values) {

    boolean matches(Map<String, String> labels) {
      String value = labels.get(key);
      return in ? value != null && values.contains(value) : value == null || !values.contains(value);
    }
  }

  static SetBasedLabelSelector parse(String selector) {
    List<String> equality = new ArrayList<>();
    List<Requirement> setBased = new ArrayList<>();
    for (String requirement : requirements(selector)) {
      Matcher m = SET_REQUIREMENT.matcher(requirement);
      if (m.matches()) {
        setBased.add(new Requirement(m.group(1), m.group(2).equals("in"), Arrays.stream(m.group(3).split(","))
            .map(String::trim).filter(v -> !v.isEmpty()).collect(Collectors.toSet())));
      } else if (!requirement.isBlank()) {
        equality.add(requirement.trim());
      }
    }
    return new SetBasedLabelSelector(String.join(",", equality), List.copyOf(setBased));
  }

  boolean matches(Map<String, String> labels) {
    return setBased.stream().allMatch(r -> r.matches(labels == null ? Map.of() : labels));
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
