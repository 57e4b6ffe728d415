package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.source.SparkApplications;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** Finds Spark configuration by the chart's conventions. */
public final class SparkConfs {

  public static final String COMPONENT_LABEL = "app.kubernetes.io/component";
  public static final String SPARK_CONF_COMPONENT = "spark-conf";
  public static final String HISTORY_COMPONENT = "history";
  public static final String DEFAULTS_KEY = "spark-defaults.conf";

  private SparkConfs() {
  }

  /** The Connect server's configuration: ConfigMaps labelled {@code component: spark-conf}. */
  public static List<SparkConf> release(Manifests manifests) {
    return manifests.all(ConfigMap.class).stream().filter(SparkConfs::isSparkConf).map(SparkConfs::of).toList();
  }

  /** {@code spec.sparkConf} of every SparkApplication, of either flavour. */
  public static List<SparkConf> applications(Manifests manifests) {
    return manifests.all(GenericKubernetesResource.class).stream()
        .filter(SparkApplications::isSparkApplication)
        .map(app -> new SparkConf(app, "spec.sparkConf", SparkApplications.sparkConf(app)))
        .toList();
  }

  /** The History Server's configuration: ConfigMaps labelled {@code component: history}. */
  public static List<SparkConf> history(Manifests manifests) {
    return manifests.all(ConfigMap.class).stream().filter(cm -> isConf(cm, HISTORY_COMPONENT)).map(SparkConfs::of)
        .toList();
  }

  static boolean isSparkConf(ConfigMap cm) {
    return isConf(cm, SPARK_CONF_COMPONENT);
  }

  private static boolean isConf(ConfigMap cm, String component) {
    Map<String, String> labels = cm.getMetadata().getLabels();
    return labels != null && component.equals(labels.get(COMPONENT_LABEL))
        && cm.getData() != null && cm.getData().containsKey(DEFAULTS_KEY);
  }

  private static SparkConf of(ConfigMap cm) {
    return new SparkConf(cm, "data[" + DEFAULTS_KEY + "]", parse(cm.getData().get(DEFAULTS_KEY)));
  }

  /** spark-defaults.conf: Java properties ("key value" or "key=value"), values trimmed as Spark does. */
  static Map<String, String> parse(String text) {
    Properties properties = new Properties();
    try {
      properties.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> values = new TreeMap<>();
    properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
    return values;
  }
}
