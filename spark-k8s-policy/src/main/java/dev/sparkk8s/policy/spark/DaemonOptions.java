package dev.sparkk8s.policy.spark;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Spark properties a Standalone daemon gets as {@code -Dkey=value} JVM options from the environment variables
 * Spark's launcher ({@code SparkClassCommandBuilder}) adds to its command line, later variables winning as later
 * options do: {@code SPARK_DAEMON_JAVA_OPTS}, then {@code SPARK_MASTER_OPTS} or {@code SPARK_WORKER_OPTS}.
 */
final class DaemonOptions {

  private final Map<String, String> values = new HashMap<>();
  private final Map<String, String> fields = new HashMap<>();

  private DaemonOptions() {
  }

  static DaemonOptions of(Container container, String... variables) {
    DaemonOptions options = new DaemonOptions();
    List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
    for (String variable : variables) {
      env.stream().filter(e -> variable.equals(e.getName()) && e.getValue() != null).forEach(e -> {
        for (String token : e.getValue().trim().split("\\s+")) {
          int eq = token.indexOf('=');
          if (token.startsWith("-D") && eq > 2) {
            options.values.put(token.substring(2, eq), token.substring(eq + 1));
            options.fields.put(token.substring(2, eq), "env[" + variable + "]");
          }
        }
      });
    }
    return options;
  }

  Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** Where the key was set, relative to the container, or {@code fallback} when it was not. */
  String field(String key, String fallback) {
    return fields.getOrDefault(key, fallback);
  }
}
