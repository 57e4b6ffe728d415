package dev.sparkk8s.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * One point of the render matrix: a Spark line, a backend, a security profile, maybe a preset, and whether every
 * monitoring object and the network policies are rendered.
 */
record RenderCase(String version, String backend, String flavor, String profile, String preset, boolean monitoring) {

  /** Every monitoring value on: metrics, ServiceMonitors, PodMonitors, the PrometheusRule, the dashboards. */
  static final List<String> MONITORING = List.of("monitoring.enabled=true", "monitoring.serviceMonitor.enabled=true",
      "monitoring.podMonitor.enabled=true", "monitoring.prometheusRule.enabled=true",
      "monitoring.grafanaDashboards.enabled=true");

  static final List<String> VERSIONS = List.of("3.5", "4.1");
  static final List<String> PROFILES = List.of("restricted", "openshift");
  static final List<String> PRESETS = List.of("development", "production", "enterprise", "openshift", "s3-minio");

  /**
   * Versions x backends (the operator in both flavors) x profiles, then every preset on both versions, then every
   * backend with monitoring, network policies and the batch-job profile on both versions.
   */
  static Stream<RenderCase> matrix() {
    List<RenderCase> cases = new ArrayList<>();
    for (String version : VERSIONS) {
      for (String profile : PROFILES) {
        cases.addAll(backends(version, profile, false));
      }
      for (String preset : PRESETS) {
        cases.add(new RenderCase(version, null, null, null, preset, false));
      }
      cases.addAll(backends(version, "restricted", true));
    }
    return cases.stream();
  }

  private static List<RenderCase> backends(String version, String profile, boolean monitoring) {
    return List.of(new RenderCase(version, "kubernetes", null, profile, null, monitoring),
        new RenderCase(version, "standalone", null, profile, null, monitoring),
        new RenderCase(version, "operator", "apache", profile, null, monitoring),
        new RenderCase(version, "operator", "kubeflow", profile, null, monitoring));
  }

  /** The {@code --set} pairs of this case; a preset case sets only the version. */
  String[] sets() {
    List<String> sets = new ArrayList<>();
    sets.add("spark.version=" + version);
    if (backend != null) {
      sets.add("spark.connect.mode.k8s.backend=" + backend);
    }
    if (flavor != null) {
      sets.add("spark.operator.flavor=" + flavor);
    }
    if (profile != null) {
      sets.add("security.profile=" + profile);
    }
    if (monitoring) {
      sets.addAll(MONITORING);
      sets.add("networkPolicy.enabled=true");
      sets.add("spark.jobs.enabled=true");
    }
    return sets.toArray(String[]::new);
  }

  @Override
  public String toString() {
    return preset != null
        ? "preset " + preset + " on " + version
        : version + " " + backend + (flavor == null ? "" : "/" + flavor) + " " + profile
            + (monitoring ? " with monitoring, network policies and batch jobs" : "");
  }
}
