package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.render.contract.Component;
import java.util.List;
import java.util.Optional;

/**
 * The chart values that size and place one component's pods, which a fix names.
 *
 * @param pod             the component's pod settings (nodeSelector, tolerations, affinity, ...)
 * @param cores           what sets its pods' CPU request, or {@code null} when no value does
 * @param memory          what sets its pods' memory request
 * @param memoryToRaise   what to raise when its container is OOMKilled: what its memory limit holds beyond a JVM heap
 *                        first, then the heap
 */
public record ComponentValues(String pod, String cores, String memory, List<String> memoryToRaise) {

  public static Optional<ComponentValues> of(Component component) {
    return Optional.ofNullable(switch (component) {
      case CONNECT -> new ComponentValues("spark.connect.pod", "spark.driver.cores", "spark.driver.memory",
          List.of("spark.driver.memoryOverheadFactor", "spark.driver.memory"));
      case EXECUTOR -> new ComponentValues("spark.executor.pod", "spark.executor.cores", "spark.executor.memory",
          List.of("spark.executor.memoryOverheadFactor", "spark.executor.memory"));
      case WORKER -> new ComponentValues("spark.standalone.worker.pod", "spark.standalone.worker.cores",
          "spark.standalone.worker.memory", List.of("spark.executor.memoryOverheadFactor", "spark.standalone.daemonMemory"));
      case MASTER -> new ComponentValues("spark.standalone.master.pod", null, "spark.standalone.daemonMemory",
          List.of("spark.standalone.daemonMemory"));
      case HISTORY -> new ComponentValues("spark.historyServer.pod", null, "spark.historyServer.memory",
          List.of("spark.historyServer.memory"));
      default -> null;
    });
  }
}
