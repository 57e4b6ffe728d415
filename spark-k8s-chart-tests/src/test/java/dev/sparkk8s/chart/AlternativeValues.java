package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A valid value, different from the default, for each key of values.yaml: from {@link #EXPLICIT}
 * when the key is there, else by the type of the default. A key with neither has no alternative,
 * and the maintainer must add one to {@link #EXPLICIT}.
 */
final class AlternativeValues {

  /** Keys whose default no generic rule can vary: enums, names, URLs, maps and lists. */
  static final Map<String, Object> EXPLICIT = Map.ofEntries(
      Map.entry("nameOverride", "spk"),
      Map.entry("fullnameOverride", "analytics"),
      Map.entry("commonLabels", Map.of("team", "data-platform")),
      Map.entry("spark.version", "3.5"),
      Map.entry("spark.image.repository", "registry.example.com/spark"),
      Map.entry("spark.image.tag", "4.1.0"),
      Map.entry("spark.image.pullPolicy", "Always"),
      Map.entry("spark.image.classDataArchive", "/opt/spark/cds/spark.jsa"),
      Map.entry("spark.imagePullSecrets", List.of("regcred")),
      Map.entry("spark.conf", Map.of("spark.sql.ansi.enabled", "true")),
      Map.entry("spark.connect.mode.k8s.backend", "standalone"),
      Map.entry("spark.connect.service.type", "NodePort"),
      Map.entry("spark.connect.serverJarSource", "image"),
      Map.entry("spark.connect.packageRepositories", List.of("https://maven.example.com/releases")),
      Map.entry("spark.secrets", List.of(Map.of("secretName", "db-credentials", "key", "password",
          "envName", "DB_PASSWORD"))),
      Map.entry("spark.connect.extraPackages", List.of("io.delta:delta-spark_2.13:4.0.0")),
      Map.entry("spark.executor.localStorage.type", "tmpfs"),
      Map.entry("spark.executor.localStorage.size", "20Gi"),
      Map.entry("spark.executor.localStorage.storageClass", "fast-ssd"),
      Map.entry("spark.executor.gpu.resourceName", "amd.com/gpu"),
      Map.entry("spark.executor.gpu.discoveryScript", "/opt/gpu/discover.sh"),
      Map.entry("spark.executor.gpu.rapidsJar", "local:///opt/rapids/rapids-4-spark_2.13.jar"),
      Map.entry("spark.decommission.fallbackStoragePath", "hdfs://namenode:8020/spark-fallback/"),
      Map.entry("spark.standalone.masterUrl", "spark://external-master:7077"),
      Map.entry("security.authenticate.existingSecret", "cluster-auth"),
      Map.entry("networkPolicy.connectClients", List.of(Map.of("namespaceSelector",
          Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "notebooks"))))),
      Map.entry("networkPolicy.historyClients", List.of(Map.of("podSelector",
          Map.of("matchLabels", Map.of("app", "grafana"))))),
      Map.entry("networkPolicy.prometheus", List.of(Map.of("namespaceSelector",
          Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "monitoring"))))),
      Map.entry("networkPolicy.apiServerPorts", List.of(8443)),
      Map.entry("networkPolicy.extraEgress", List.of(Map.of("ports", List.of(Map.of("port", 9083))))),
      Map.entry("security.authenticate.secretKey", "token"),
      Map.entry("security.connect.tls.existingSecret", "connect-tls-from-cert-manager"),
      Map.entry("security.connect.token.existingSecret", "clients-token"),
      Map.entry("security.connect.token.secretKey", "value"),
      Map.entry("security.connect.proxy.image.repository", "registry.example.com/nginx-unprivileged"),
      Map.entry("security.connect.proxy.image.tag", "1.27.5"),
      Map.entry("security.connect.proxy.image.pullPolicy", "Always"),
      Map.entry("security.connect.proxy.resources.requests.memory", "48Mi"),
      Map.entry("security.connect.proxy.resources.limits.memory", "128Mi"),
      Map.entry("spark.standalone.master.recovery.persistence.size", "5Gi"),
      Map.entry("spark.standalone.master.recovery.persistence.storageClass", "fast-ssd"),
      Map.entry("spark.operator.flavor", "kubeflow"),
      Map.entry("spark.eventLog.dir", "s3a://bucket/events"),
      Map.entry("spark.eventLog.existingClaim", "spark-events-shared"),
      Map.entry("spark.s3.endpoint", "http://minio.minio.svc:9000"),
      Map.entry("spark.s3.region", "eu-west-1"),
      Map.entry("spark.s3.credentials.secretName", "spark-s3"),
      Map.entry("spark.s3.credentials.accessKeyIdKey", "access-key"),
      Map.entry("spark.s3.credentials.secretAccessKeyKey", "secret-key"),
      Map.entry("monitoring.serviceMonitor.labels", Map.of("release", "kube-prometheus-stack")),
      Map.entry("monitoring.podMonitor.labels", Map.of("release", "kube-prometheus-stack")),
      Map.entry("monitoring.prometheusRule.labels", Map.of("release", "kube-prometheus-stack")),
      Map.entry("monitoring.grafanaDashboards.label", "grafana.example.com/dashboard"),
      Map.entry("monitoring.grafanaDashboards.labelValue", "spark"),
      Map.entry("security.profile", "openshift"),
      Map.entry("serviceAccount.name", "spark-runner"),
      Map.entry("serviceAccount.annotations",
          Map.of("eks.amazonaws.com/role-arn", "arn:aws:iam::123456789012:role/spark")),
      Map.entry("spark.connect.pod", Map.of("priorityClassName", "interactive")),
      Map.entry("spark.executor.pod", Map.of("nodeSelector", Map.of("pool", "spark-executors"))),
      Map.entry("spark.standalone.master.pod", Map.of("labels", Map.of("tier", "control"))),
      Map.entry("spark.standalone.worker.pod",
          Map.of("tolerations", List.of(Map.of("key", "spark", "operator", "Exists")))),
      Map.entry("spark.historyServer.pod", Map.of("annotations", Map.of("owner", "platform"))),
      Map.entry("spark.jobs.driver.pod", Map.of("priorityClassName", "batch")),
      Map.entry("pods.nodeSelector", Map.of("pool", "spark")),
      Map.entry("pods.tolerations",
          List.of(Map.of("key", "dedicated", "operator", "Equal", "value", "spark", "effect", "NoSchedule"))),
      Map.entry("pods.affinity", Map.of("nodeAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution",
          Map.of("nodeSelectorTerms", List.of(Map.of("matchExpressions",
              List.of(Map.of("key", "pool", "operator", "In", "values", List.of("spark"))))))))),
      Map.entry("pods.topologySpreadConstraints", List.of(Map.of("maxSkew", 1,
          "topologyKey", "topology.kubernetes.io/zone", "whenUnsatisfiable", "ScheduleAnyway"))),
      Map.entry("pods.priorityClassName", "spark-batch"),
      Map.entry("pods.labels", Map.of("team", "data-platform")),
      Map.entry("pods.annotations", Map.of("cluster-autoscaler.kubernetes.io/safe-to-evict", "false")),
      Map.entry("pods.extraEnv", List.of(Map.of("name", "TZ", "value", "UTC"))),
      Map.entry("pods.extraVolumes", List.of(Map.of("name", "ca-certs", "secret", Map.of("secretName", "ca")))),
      // Valid where the pods have a volume to mount: the context "an extra volume".
      Map.entry("pods.extraVolumeMounts",
          List.of(Map.of("name", ValuesContext.EXTRA_VOLUME, "mountPath", "/etc/ssl/extra", "readOnly", true))));

  /** A Spark memory size ({@code 512m}, {@code 1g}). */
  private static final Pattern MEMORY = Pattern.compile("([1-9][0-9]*)([mMgG])");
  /** A Spark duration ({@code 60s}, {@code 500ms}). */
  private static final Pattern DURATION = Pattern.compile("([1-9][0-9]*)(ms|s|m|h)");

  private AlternativeValues() {
  }

  static Set<String> explicitKeys() {
    return EXPLICIT.keySet();
  }

  static Optional<Object> of(ValuesLeaf leaf) {
    if (EXPLICIT.containsKey(leaf.dotted())) {
      return Optional.of(EXPLICIT.get(leaf.dotted()));
    }
    // Ports move by 100: the neighbouring ports belong to their siblings, which must differ.
    if (leaf.dotted().toLowerCase().endsWith("port") && leaf.value().isIntegralNumber()) {
      return Optional.of(leaf.value().longValue() + 100);
    }
    return generic(leaf.value());
  }

  /** Boolean negated, integer +1, other number x5, memory doubled, duration x1.5. */
  private static Optional<Object> generic(JsonNode value) {
    if (value.isBoolean()) {
      return Optional.of(!value.booleanValue());
    }
    if (value.isIntegralNumber()) {
      return Optional.of(value.longValue() + 1);
    }
    if (value.isNumber()) {
      return Optional.of(value.decimalValue().multiply(BigDecimal.valueOf(5)));
    }
    if (value.isTextual()) {
      Matcher memory = MEMORY.matcher(value.textValue());
      if (memory.matches()) {
        return Optional.of(Long.parseLong(memory.group(1)) * 2 + memory.group(2));
      }
      Matcher duration = DURATION.matcher(value.textValue());
      if (duration.matches()) {
        long n = Long.parseLong(duration.group(1));
        return Optional.of(n + Math.max(1, n / 2) + duration.group(2));
      }
    }
    return Optional.empty();
  }
}
