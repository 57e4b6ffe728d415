package dev.sparkk8s.policy.network;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The connections Spark needs between the components a release runs: drivers and executors both ways, and on
 * Standalone the master, the workers (whose pods hold the executors) and the driver. Ports come from the
 * driver's configuration and the master's RPC port where they are fixed; the rest Spark picks at random.
 */
public final class SparkFlows {

  private SparkFlows() {
  }

  /**
   * @param components the components that have pods in the release
   * @param driverConf the driver's Spark configuration
   * @param masterPort the Standalone master's RPC port, if the release runs a master
   */
  public static List<SparkFlow> of(Set<String> components, Map<String, String> driverConf, Optional<Integer> masterPort) {
    Integer driverPort = port(driverConf, "spark.driver.port");
    Integer driverBlocks = port(driverConf, "spark.driver.blockManager.port");
    Integer blocks = port(driverConf, "spark.blockManager.port");
    List<SparkFlow> flows = new ArrayList<>();
    boolean driver = components.contains("connect");
    for (String executors : List.of("executor", "worker")) {
      if (!components.contains(executors)) {
        continue;
      }
      String who = executors.equals("worker") ? "executors in worker pods" : "executors";
      if (driver) {
        flows.add(new SparkFlow(executors, "connect", driverPort, who + " register with the driver (spark.driver.port)"));
        flows.add(new SparkFlow(executors, "connect", driverBlocks,
            who + " fetch the driver's blocks and broadcasts (spark.driver.blockManager.port)"));
        flows.add(new SparkFlow("connect", executors, blocks,
            "the driver fetches results and blocks from " + who + " (spark.blockManager.port)"));
      }
      flows.add(new SparkFlow(executors, executors, blocks, who + " fetch each other's shuffle blocks (spark.blockManager.port)"));
    }
    if (components.contains("master")) {
      Integer rpc = masterPort.orElse(null);
      if (components.contains("worker")) {
        flows.add(new SparkFlow("worker", "master", rpc, "workers register with the master"));
        flows.add(new SparkFlow("master", "worker", null, "the master launches executors on the workers"));
      }
      if (driver) {
        flows.add(new SparkFlow("connect", "master", rpc, "the driver registers its application with the master"));
        flows.add(new SparkFlow("master", "connect", driverPort, "the master answers the driver (spark.driver.port)"));
      }
    }
    return flows;
  }

  private static Integer port(Map<String, String> conf, String key) {
    String v = conf.get(key);
    if (v == null || v.isBlank()) {
      return null;
    }
    try {
      int p = Integer.parseInt(v.trim());
      return p == 0 ? null : p;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
