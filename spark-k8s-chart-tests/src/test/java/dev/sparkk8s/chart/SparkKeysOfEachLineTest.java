package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No inert Spark keys: every Spark key the chart renders for a Spark line (spark-defaults.conf files,
 * SparkApplication sparkConf, {@code -Dspark.*} options and {@code --conf} arguments) is a key that line's
 * own jars know. A key that only exists in a later line (such as {@code spark.connect.grpc.binding.address},
 * 4.0+) fails here when rendered for 3.5.
 */
class SparkKeysOfEachLineTest {

  /** Families whose keys Spark builds from a prefix and user-chosen names. */
  private static final List<String> OPEN_FAMILIES = List.of("spark.hadoop.", "spark.metrics.conf.",
      "spark.executorEnv.", "spark.sql.catalog.", "spark.kubernetes.driver.label.",
      "spark.kubernetes.executor.label.", "spark.kubernetes.driver.annotation.", "spark.kubernetes.executor.annotation.");
  private static final Pattern OPTION = Pattern.compile("(?:-D|^)(spark\\.[A-Za-z0-9_.\\-]+)=");
  /**
   * Keys Spark builds from a user-chosen name in the middle: resources
   * ({@code spark.executor.resource.<name>.amount}, ResourceUtils) and Kubernetes volumes
   * ({@code spark.kubernetes.executor.volumes.<type>.<name>.mount.path}, KubernetesVolumeUtils).
   */
  private static final List<Pattern> NAMED_FAMILIES = List.of(
      Pattern.compile("spark\\.(executor|driver|worker)\\.resource\\.[A-Za-z0-9]+\\.(amount|discoveryScript|vendor)"),
      Pattern.compile("spark\\.task\\.resource\\.[A-Za-z0-9]+\\.amount"),
      Pattern.compile("spark\\.kubernetes\\.(driver|executor)\\.volumes\\.(emptyDir|persistentVolumeClaim)\\.[a-z0-9-]+\\."
          + "(mount\\.(path|readOnly|subPath)|options\\.(claimName|storageClass|sizeLimit|medium))"));

  /** Contexts that turn on what the matrix leaves off. */
  private static final List<String[]> FEATURES = List.of(
      new String[] {"spark.executor.instances=min:1 max:3"},
      new String[] {"spark.connect.mode.k8s.backend=standalone", "spark.eventLog.enabled=true",
          "spark.eventLog.existingClaim=events", "spark.historyServer.enabled=true"},
      new String[] {"spark.executor.shufflePartitionsPerCore=2"},
      new String[] {"spark.connect.serverJarSource=packages", "spark.s3.enabled=true", "spark.s3.withPackages=true",
          "spark.connect.packageRepositories[0]=https://mirror.example.com/maven2"},
      // spark.kubernetes.executor.terminationGracePeriodSeconds exists from 4.1 only.
      new String[] {"spark.executor.pod.terminationGracePeriodSeconds=60"},
      new String[] {"spark.connect.mode.k8s.backend=operator", "spark.executor.pod.terminationGracePeriodSeconds=60"},
      // Decommission: 4.1 also gets the executor grace period through the key above.
      new String[] {"spark.decommission.enabled=true", "spark.decommission.fallbackStoragePath=hdfs://nn:8020/fallback/"},
      new String[] {"spark.decommission.enabled=true", "spark.connect.mode.k8s.backend=operator"},
      new String[] {"spark.decommission.enabled=true", "spark.connect.mode.k8s.backend=standalone"},
      new String[] {"spark.executor.gpu.amount=1", "spark.executor.gpu.rapidsJar=local:///opt/rapids/rapids.jar"},
      new String[] {"spark.executor.gpu.amount=1", "spark.connect.mode.k8s.backend=standalone"},
      new String[] {"spark.connect.mode.k8s.backend=standalone", "monitoring.enabled=true"},
      new String[] {"spark.executor.localStorage.type=onDemandClaim", "spark.executor.localStorage.size=20Gi",
          "spark.executor.localStorage.storageClass=standard"});

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void everyRenderedKeyIsKnownToItsSparkLine(String line) {
    SparkLineKeys known = SparkLineKeys.of(line);
    Set<String> unknown = new TreeSet<>();
    for (Map.Entry<String, RenderRequest> render : renders(line).entrySet()) {
      for (String key : keys(ChartFixture.render(render.getValue()))) {
        if (OPEN_FAMILIES.stream().noneMatch(key::startsWith)
            && NAMED_FAMILIES.stream().noneMatch(p -> p.matcher(key).matches()) && !known.knows(key)) {
          unknown.add(key + " (in " + render.getKey() + ")");
        }
      }
    }
    assertThat(unknown).as("keys Spark " + line + " does not know").isEmpty();
  }

  private static Map<String, RenderRequest> renders(String line) {
    Map<String, RenderRequest> out = new LinkedHashMap<>();
    RenderCase.matrix().filter(c -> c.version().equals(line)).forEach(c -> {
      RenderRequest.Builder request = ChartFixture.request(c.sets());
      if (c.preset() != null) {
        request.preset(c.preset());
      }
      out.put(c.toString(), request.build());
    });
    for (String[] feature : FEATURES) {
      out.put(String.join(" ", feature), ChartFixture.request(feature).set("spark.version", line).build());
    }
    return out;
  }

  private static Set<String> keys(RenderedRelease release) {
    Set<String> keys = new TreeSet<>();
    for (HasMetadata o : release.objects()) {
      if (o instanceof ConfigMap cm && cm.getData() != null && cm.getData().containsKey(ChartConfigMap.SPARK_DEFAULTS)) {
        keys.addAll(SparkDefaults.parse(cm.getData().get(ChartConfigMap.SPARK_DEFAULTS)).keySet());
      }
      JsonNode tree = Json.tree(o);
      tree.path("spec").path("sparkConf").fieldNames().forEachRemaining(keys::add);
      collectOptions(tree, keys);
    }
    return keys;
  }

  /** {@code -Dspark.x=...} in env values and arguments, and {@code spark.x=...} after {@code --conf}. */
  private static void collectOptions(JsonNode node, Set<String> keys) {
    if (node.isTextual()) {
      for (String word : node.asText().split("\\s+")) {
        Matcher m = OPTION.matcher(word);
        if (m.find()) {
          keys.add(m.group(1));
        }
      }
    }
    node.elements().forEachRemaining(child -> collectOptions(child, keys));
  }
}
