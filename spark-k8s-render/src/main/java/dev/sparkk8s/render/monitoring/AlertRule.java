package dev.sparkk8s.render.monitoring;

import java.util.Map;

/**
 * One alerting rule of a PrometheusRule.
 *
 * @param group       the name of its rule group
 * @param alert       the alert's name
 * @param expr        its PromQL expression
 * @param pendingFor  its {@code for} duration, or null
 * @param labels      its labels
 * @param annotations its annotations (summary, description, runbook)
 */
public record AlertRule(String group, String alert, String expr, String pendingFor, Map<String, String> labels,
    Map<String, String> annotations) {

  /** The environment its metrics need, when its description says one ({@link OnlyOn}). */
  public java.util.Optional<OnlyOn> onlyOn() {
    return OnlyOn.of(annotations.get("description"));
  }
}
