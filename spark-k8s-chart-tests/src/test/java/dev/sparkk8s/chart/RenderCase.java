package dev.sparkk8s.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** One point of the render matrix: a Spark line, a backend, a security profile, maybe a preset. */
record RenderCase(String version, String backend, String flavor, String profile, String preset) {

  static final List<String> VERSIONS = List.of("3.5", "4.1");
  static final List<String> PROFILES = List.of("restricted", "openshift");
  static final List<String> PRESETS = List.of("development", "production", "enterprise", "openshift", "s3-minio");

  /** Versions x backends (the operator in both flavors) x profiles, then every preset on both versions. */
  static Stream<RenderCase> matrix() {
    List<RenderCase> cases = new ArrayList<>();
    for (String version : VERSIONS) {
      for (String profile : PROFILES) {
        cases.add(new RenderCase(version, "kubernetes", null, profile, null));
        cases.add(new RenderCase(version, "standalone", null, profile, null));
        cases.add(new RenderCase(version, "operator", "apache", profile, null));
        cases.add(new RenderCase(version, "operator", "kubeflow", profile, null));
      }
      for (String preset : PRESETS) {
        cases.add(new RenderCase(version, null, null, null, preset));
      }
    }
    return cases.stream();
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
    return sets.toArray(String[]::new);
  }

  @Override
  public String toString() {
    return preset != null
        ? "preset " + preset + " on " + version
        : version + " " + backend + (flavor == null ? "" : "/" + flavor) + " " + profile;
  }
}
