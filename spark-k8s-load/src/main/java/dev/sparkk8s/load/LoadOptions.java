package dev.sparkk8s.load;

import java.time.Duration;

/**
 * What {@code spark-k8s load} was asked for; null fields take the scenario's value.
 *
 * @param iterations queries per session; when set, the run ends after them instead of after a duration
 * @param scale      multiplies the scenario's {@code rowsPerScale}
 * @param dataDir    where the generated tables go, as the server sees it (a local path or s3a://...)
 */
public record LoadOptions(String connectUrl, Scenario scenario, Integer sessions, Duration duration,
    Integer iterations, double scale, String dataDir, Duration maxP95, Double minSuccessRate) {

  public LoadOptions {
    if (sessions != null && sessions < 1) {
      throw new ScenarioException("--sessions " + sessions + ": at least one session");
    }
    if (iterations != null && iterations < 1) {
      throw new ScenarioException("--iterations " + iterations + ": at least one query per session");
    }
    if (!(scale > 0)) {
      throw new ScenarioException("--scale " + scale + ": give a number above 0");
    }
    if (minSuccessRate != null && (minSuccessRate < 0 || minSuccessRate > 1)) {
      throw new ScenarioException("--min-success " + minSuccessRate + ": give a rate from 0 to 1, e.g. 0.99");
    }
    if (!connectUrl.startsWith("sc://")) {
      throw new ScenarioException("--connect " + connectUrl + ": a Spark Connect URL starts with sc://, e.g. sc://127.0.0.1:15002");
    }
  }

  int effectiveSessions() {
    return sessions != null ? sessions : scenario.sessions();
  }

  Duration effectiveMaxP95() {
    return maxP95 != null ? maxP95 : scenario.maxP95();
  }

  double effectiveMinSuccessRate() {
    return minSuccessRate != null ? minSuccessRate : scenario.minSuccessRate();
  }

  long rows() {
    return Math.max(1, Math.round(scenario.rowsPerScale() * scale));
  }
}
