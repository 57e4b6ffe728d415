package dev.sparkk8s.chart;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A set of values under which a key may matter: many keys only act with a backend, a Spark line
 * or a feature turned on. Values are dotted keys, written with {@link ChartFixture#writeValues}.
 */
record ValuesContext(String name, Map<String, Object> values) {

  /** An image with S3A (built with images/Dockerfile); the stock image has none. */
  static final String S3A_IMAGE = "registry.example.com/spark";
  /** The volume of the context "an extra volume", which pods.extraVolumeMounts can mount. */
  static final String EXTRA_VOLUME = "extra";

  static final List<ValuesContext> ALL = List.of(
      of("defaults"),
      of("standalone backend", "spark.connect.mode.k8s.backend", "standalone"),
      of("standalone master state on a claim", "spark.connect.mode.k8s.backend", "standalone",
          "spark.standalone.master.recovery.persistence.enabled", true),
      of("operator backend", "spark.connect.mode.k8s.backend", "operator"),
      of("Spark 3.5", "spark.version", "3.5"),
      of("dynamic allocation", "spark.executor.instances", "min:1 max:3"),
      of("S3 event log and History Server",
          "spark.eventLog.enabled", true, "spark.eventLog.dir", "s3a://spark-logs/history",
          "spark.s3.enabled", true, "spark.s3.credentials.secretName", "s3-credentials",
          "spark.historyServer.enabled", true, "spark.image.repository", S3A_IMAGE),
      of("event log on a claim and History Server",
          "spark.eventLog.enabled", true, "spark.eventLog.existingClaim", "spark-events",
          "spark.historyServer.enabled", true),
      of("S3 with a Secret", "spark.s3.enabled", true, "spark.s3.credentials.secretName", "s3-credentials",
          "spark.image.repository", S3A_IMAGE),
      of("S3 through packages on the stock image", "spark.s3.enabled", true, "spark.s3.withPackages", true),
      of("executor scratch space of a size", "spark.executor.localStorage.size", "20Gi"),
      of("executor scratch space on claims", "spark.executor.localStorage.type", "onDemandClaim",
          "spark.executor.localStorage.size", "20Gi", "spark.executor.localStorage.storageClass", "standard"),
      of("GPU executors", "spark.executor.gpu.amount", 2),
      of("graceful decommission", "spark.decommission.enabled", true),
      // serviceAccount.create=false is only valid with a name.
      of("named ServiceAccount", "serviceAccount.name", "existing-sa"),
      of("an extra volume", "pods.extraVolumes", List.of(Map.of("name", EXTRA_VOLUME, "emptyDir", Map.of()))),
      of("disruption budgets", "podDisruptionBudget.enabled", true),
      of("batch jobs", "spark.jobs.enabled", true),
      of("Standalone with authentication", "spark.connect.mode.k8s.backend", "standalone",
          "security.authenticate.enabled", true, "security.authenticate.existingSecret", "spark-auth"),
      of("the master's REST server", "spark.connect.mode.k8s.backend", "standalone",
          "spark.standalone.master.rest.enabled", true),
      of("Spark Connect behind TLS and a token", "security.connect.enabled", true,
          "security.connect.tls.existingSecret", "connect-tls", "security.connect.token.existingSecret", "connect-token"),
      of("network policies", "networkPolicy.enabled", true, "spark.s3.enabled", true,
          "spark.image.repository", S3A_IMAGE, "spark.historyServer.enabled", true, "spark.eventLog.enabled", true,
          "spark.eventLog.dir", "s3a://spark-events/logs", "monitoring.enabled", true),
      of("monitoring with every object", "spark.connect.mode.k8s.backend", "standalone",
          "spark.eventLog.enabled", true, "spark.eventLog.existingClaim", "spark-events",
          "spark.historyServer.enabled", true, "monitoring.enabled", true,
          "monitoring.serviceMonitor.enabled", true, "monitoring.podMonitor.enabled", true,
          "monitoring.prometheusRule.enabled", true, "monitoring.grafanaDashboards.enabled", true));

  /** The leaf with the value this context gives it (its default when the context does not set it). */
  ValuesLeaf valueIn(ValuesLeaf leaf) {
    return values.containsKey(leaf.dotted())
        ? new ValuesLeaf(leaf.path(), Json.tree(values.get(leaf.dotted())))
        : leaf;
  }

  /** Whether this context already sets the key to that value. */
  boolean sets(ValuesLeaf leaf, Object value) {
    return values.containsKey(leaf.dotted()) && Json.tree(values.get(leaf.dotted())).equals(Json.tree(value));
  }

  private static ValuesContext of(String name, Object... keyValues) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      values.put((String) keyValues[i], keyValues[i + 1]);
    }
    return new ValuesContext(name, values);
  }

  @Override
  public String toString() {
    return name;
  }
}
