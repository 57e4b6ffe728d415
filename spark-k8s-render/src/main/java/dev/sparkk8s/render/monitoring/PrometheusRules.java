package dev.sparkk8s.render.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The rule groups of the PrometheusRules among rendered objects. */
public final class PrometheusRules {

  public static final String KIND = "PrometheusRule";

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  private PrometheusRules() {
  }

  /** Every group of every PrometheusRule, as written ({@code spec.groups[]}): a Prometheus rule file's {@code groups}. */
  @SuppressWarnings("unchecked")
  public static List<Map<String, Object>> groups(List<? extends HasMetadata> objects) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (JsonNode group : groupNodes(objects)) {
      out.add(JSON.convertValue(group, LinkedHashMap.class));
    }
    return out;
  }

  /** Every alerting rule (recording rules left out), in order. */
  public static List<AlertRule> alerts(List<? extends HasMetadata> objects) {
    List<AlertRule> out = new ArrayList<>();
    for (JsonNode group : groupNodes(objects)) {
      for (JsonNode rule : group.path("rules")) {
        if (rule.hasNonNull("alert")) {
          out.add(new AlertRule(group.path("name").asText(), rule.path("alert").asText(), rule.path("expr").asText(),
              rule.path("for").asText(null), strings(rule.path("labels")), strings(rule.path("annotations"))));
        }
      }
    }
    return out;
  }

  private static List<JsonNode> groupNodes(List<? extends HasMetadata> objects) {
    List<JsonNode> out = new ArrayList<>();
    for (HasMetadata o : objects) {
      if (KIND.equals(o.getKind()) && o.getApiVersion() != null && o.getApiVersion().startsWith(ScrapeMonitor.GROUP + "/")) {
        JSON.convertValue(o, JsonNode.class).path("spec").path("groups").forEach(out::add);
      }
    }
    return out;
  }

  private static Map<String, String> strings(JsonNode map) {
    Map<String, String> out = new LinkedHashMap<>();
    map.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
    return out;
  }
}
