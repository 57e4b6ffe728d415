package dev.sparkk8s.jobs.state;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reading an operator's status, held untyped in a GenericKubernetesResource. */
final class OperatorStatus {

  private OperatorStatus() {
  }

  static Map<String, Object> map(Object value) {
    Map<String, Object> out = new LinkedHashMap<>();
    if (value instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }

  static String text(Object value) {
    return value == null ? "" : value.toString();
  }
}
