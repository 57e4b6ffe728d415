package dev.sparkk8s.policy.spark;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;

/**
 * What one standalone worker offers executors, read as {@code org.apache.spark.deploy.worker.WorkerArguments}
 * reads it: {@code SPARK_WORKER_MEMORY}/{@code SPARK_WORKER_CORES}, overridden by {@code --memory}/{@code -m}
 * and {@code --cores}/{@code -c} in the command (after the launch wrapper, whose bash has a {@code -c} of its
 * own) or args. A bare worker memory number is bytes, as in Spark.
 *
 * @param memory      the memory value as written, or null when not set (Spark then uses the node's memory)
 * @param memoryField where it was written, relative to the container
 * @param cores       the cores value as written, or null
 * @param coresField  where it was written, relative to the container
 */
record WorkerOffer(String memory, String memoryField, String cores, String coresField) {

  static WorkerOffer of(Container container) {
    WorkerOffer offer = new WorkerOffer(env(container, "SPARK_WORKER_MEMORY"), "env[SPARK_WORKER_MEMORY]",
        env(container, "SPARK_WORKER_CORES"), "env[SPARK_WORKER_CORES]");
    offer = offer.withArgs(LaunchCommand.unwrapped(container.getCommand()), "command");
    return offer.withArgs(container.getArgs(), "args");
  }

  private WorkerOffer withArgs(List<String> words, String field) {
    if (words == null) {
      return this;
    }
    List<String> tokens = words.stream().flatMap(w -> List.of(w.trim().split("\\s+")).stream()).toList();
    WorkerOffer offer = this;
    for (int i = 0; i < tokens.size(); i++) {
      String t = tokens.get(i);
      String next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
      if ((t.equals("--memory") || t.equals("-m")) && next != null) {
        offer = new WorkerOffer(next, field, offer.cores, offer.coresField);
      } else if (t.startsWith("--memory=")) {
        offer = new WorkerOffer(t.substring("--memory=".length()), field, offer.cores, offer.coresField);
      } else if ((t.equals("--cores") || t.equals("-c")) && next != null) {
        offer = new WorkerOffer(offer.memory, offer.memoryField, next, field);
      } else if (t.startsWith("--cores=")) {
        offer = new WorkerOffer(offer.memory, offer.memoryField, t.substring("--cores=".length()), field);
      }
    }
    return offer;
  }

  private static String env(Container container, String name) {
    List<EnvVar> env = container.getEnv() == null ? List.of() : container.getEnv();
    return env.stream().filter(e -> name.equals(e.getName())).map(EnvVar::getValue).findFirst().orElse(null);
  }
}
