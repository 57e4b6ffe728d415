package dev.sparkk8s.render;

import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The one reader of spark-defaults.conf, and the files the chart renders: the Connect server's and the
 * History Server's ConfigMaps and the job profile ({@link ChartConfigMap#CONNECT_CONF},
 * {@link ChartConfigMap#HISTORY_CONF}, {@link ChartConfigMap#JOB_PROFILE}).
 */
public final class SparkDefaults {

  private SparkDefaults() {
  }

  /** The Connect server's configuration, if the release renders one (not with the operator backend). */
  public static Optional<Map<String, String>> connect(RenderedRelease release) {
    return of(release, ChartConfigMap.CONNECT_CONF);
  }

  /** A batch job's configuration (the job profile), if the release renders one ({@code spark.jobs.enabled}). */
  public static Optional<Map<String, String>> job(RenderedRelease release) {
    return of(release, ChartConfigMap.JOB_PROFILE);
  }

  /** The configuration in one of the chart's spark-defaults ConfigMaps, sorted by key. */
  public static Optional<Map<String, String>> of(RenderedRelease release, ChartConfigMap file) {
    return release.objects(ConfigMap.class).stream()
        .filter(file::is)
        .findFirst()
        .map(cm -> parse(cm.getData().get(file.key())));
  }

  /**
   * Parses spark-defaults.conf text as Spark does: Java properties ({@code key value} or {@code key=value} lines,
   * {@code #} comments), values trimmed.
   */
  public static Map<String, String> parse(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new IllegalStateException("reading a String cannot fail", e);
    }
    Map<String, String> sorted = new TreeMap<>();
    p.forEach((k, v) -> sorted.put(k.toString(), v.toString().trim()));
    return sorted;
  }
}
