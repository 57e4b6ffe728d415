package dev.sparkk8s.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A named set of extra Spark configuration for the Connect server, passed to {@code up} as
 * {@code --set spark.conf.<key with escaped dots>=<value>}. Written {@code NAME:key=value,key=value};
 * a key written {@code set:chart.value} is a chart value, passed as {@code --set chart.value=<value>}.
 */
record Variant(String name, Map<String, String> conf) {

  private static final String CHART_VALUE = "set:";

  static Variant parse(String text) {
    int colon = text.indexOf(':');
    String name = colon < 0 ? text : text.substring(0, colon);
    Map<String, String> conf = new LinkedHashMap<>();
    if (colon >= 0 && colon < text.length() - 1) {
      for (String kv : text.substring(colon + 1).split(",")) {
        int eq = kv.indexOf('=');
        if (eq < 1) {
          throw new IllegalArgumentException("variant " + name + ": '" + kv + "' is not key=value");
        }
        conf.put(kv.substring(0, eq).strip(), kv.substring(eq + 1).strip());
      }
    }
    return new Variant(name, conf);
  }

  /** The variants measured when none are given: the development preset and what it changed. */
  static List<Variant> defaults() {
    return List.of(
        parse("development"),
        parse("development+200-partitions:set:spark.executor.shufflePartitionsPerCore=0"),
        parse("two-executors:set:spark.standalone.worker.replicas=2,set:spark.standalone.worker.cores=1,"
            + "set:spark.executor.cores=1,set:spark.executor.instances=2"),
        parse("spark-serializer-and-locality:spark.serializer=org.apache.spark.serializer.JavaSerializer,"
            + "spark.locality.wait=3s"));
  }

  /** history-cpu: the event log as one file (before), and rolled at Spark's smallest size, so a short run rolls. */
  static List<Variant> eventLogDefaults() {
    return List.of(
        parse("one-file:set:spark.eventLog.rolling.enabled=false"),
        parse("rolling-10m:set:spark.eventLog.rolling.maxFileSize=10m"));
  }

  List<String> sets() {
    List<String> sets = new ArrayList<>();
    conf.forEach((k, v) -> sets.add(k.startsWith(CHART_VALUE) ? k.substring(CHART_VALUE.length()) + "=" + v
        : "spark.conf." + k.replace(".", "\\.") + "=" + v));
    return sets;
  }

  String describe() {
    if (conf.isEmpty()) {
      return "(chart defaults)";
    }
    List<String> parts = new ArrayList<>();
    conf.forEach((k, v) -> parts.add("`" + k + "=" + v + "`"));
    return String.join(" ", parts);
  }
}
