package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;
import java.util.Optional;

/**
 * Spark properties found in a rendered object.
 *
 * @param owner  the spark-conf ConfigMap or the SparkApplication
 * @param path   where the properties live: {@code data[spark-defaults.conf]} or {@code spec.sparkConf}
 * @param values the properties, values trimmed as Spark trims them
 */
public record SparkConf(HasMetadata owner, String path, Map<String, String> values) {

  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Spark's boolean: "true" in any case. */
  public boolean isTrue(String key) {
    return get(key).map(v -> v.equalsIgnoreCase("true")).orElse(false);
  }

  /** The field path of {@code key}, e.g. {@code data[spark-defaults.conf][spark.master]}. */
  public String field(String key) {
    return path + "[" + key + "]";
  }

  public String resource() {
    return Manifests.ref(owner);
  }

  /** A finding about the property {@code key}. */
  public Finding finding(String rule, String key, String message, String fix) {
    return new Finding(rule, resource(), null, field(key), message, fix);
  }

  /** "key value" as found, or "key unset". */
  public String show(String key) {
    return get(key).map(v -> key + " " + v).orElse(key + " unset");
  }
}
