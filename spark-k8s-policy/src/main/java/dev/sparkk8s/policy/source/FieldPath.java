package dev.sparkk8s.policy.source;

import java.util.HashMap;
import java.util.Map;

/**
 * Turns a path relative to a pod spec (or container, or pod metadata) into the path of the field in the
 * object the user edits. Most fields live under one base path; a merged spec (a kubeflow SparkApplication)
 * takes some fields from elsewhere, which overrides record.
 */
public final class FieldPath {

  private final String base;
  private final Map<String, String> overrides;

  private FieldPath(String base, Map<String, String> overrides) {
    this.base = base;
    this.overrides = Map.copyOf(overrides);
  }

  public static FieldPath at(String base) {
    return new FieldPath(base, Map.of());
  }

  /** Fields under {@code relativePrefix} come from {@code absolute} instead of the base. */
  public FieldPath withOverride(String relativePrefix, String absolute) {
    Map<String, String> copy = new HashMap<>(overrides);
    copy.put(relativePrefix, absolute);
    return new FieldPath(base, copy);
  }

  /** The absolute path of {@code relative} (empty for the base itself). */
  public String of(String relative) {
    String best = null;
    for (String prefix : overrides.keySet()) {
      if (covers(prefix, relative) && (best == null || prefix.length() > best.length())) {
        best = prefix;
      }
    }
    if (best != null) {
      return overrides.get(best) + relative.substring(best.length());
    }
    return relative.isEmpty() ? base : base + "." + relative;
  }

  private static boolean covers(String prefix, String relative) {
    return relative.equals(prefix) || relative.startsWith(prefix + ".") || relative.startsWith(prefix + "[");
  }

  @Override
  public String toString() {
    return base;
  }
}
