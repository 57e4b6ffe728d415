package dev.sparkk8s.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.io.StringReader;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * A spark-defaults.conf the chart rendered, found by the conventions in docs/chart-conventions.md:
 * the ConfigMap of a component, key {@code spark-defaults.conf}.
 */
public final class SparkDefaults {

  public static final String FILE_KEY = "spark-defaults.conf";
  public static final String CONNECT_COMPONENT = "spark-conf";
  public static final String HISTORY_COMPONENT = "history";

  private SparkDefaults() {
  }

  /** The Connect server's configuration, if the release renders one (not with the operator backend). */
  public static Optional<Map<String, String>> connect(RenderedRelease release) {
    return of(release, CONNECT_COMPONENT);
  }

  /** The configuration in one component's ConfigMap, sorted by key. */
  public static Optional<Map<String, String>> of(RenderedRelease release, String component) {
    return release.withComponent(component).stream()
        .filter(ConfigMap.class::isInstance)
        .map(ConfigMap.class::cast)
        .filter(cm -> cm.getData() != null && cm.getData().containsKey(FILE_KEY))
        .findFirst()
        .map(cm -> parse(cm.getData().get(FILE_KEY)));
  }

  /** Parses spark-defaults.conf text: {@code key value} or {@code key=value} lines, {@code #} comments. */
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
