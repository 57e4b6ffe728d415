package dev.sparkk8s.policy.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** The chart's labels for a component of release "demo". */
public final class Labels {

  private Labels() {
  }

  public static Map<String, String> of(String component) {
    Map<String, String> labels = new LinkedHashMap<>(selector(component));
    labels.put("app.kubernetes.io/managed-by", "Helm");
    labels.put("app.kubernetes.io/part-of", "spark-k8s");
    labels.put("helm.sh/chart", "spark-k8s-0.1.0");
    return labels;
  }

  public static Map<String, String> selector(String component) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("app.kubernetes.io/name", "spark-k8s");
    labels.put("app.kubernetes.io/instance", "demo");
    labels.put("app.kubernetes.io/component", component);
    return labels;
  }
}
