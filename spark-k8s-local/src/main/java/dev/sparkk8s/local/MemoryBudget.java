package dev.sparkk8s.local;

import io.fabric8.kubernetes.api.model.Quantity;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether this machine can hold the platform: the sum of the memory limits the chart gives each
 * container (what Kubernetes would reserve) against the memory the machine has available.
 */
final class MemoryBudget {

  private static final long MIB = 1024 * 1024;

  private MemoryBudget() {
  }

  static void check(List<ChartContainer> containers) {
    long needed = neededBytes(containers);
    long available = availableBytes();
    if (needed > available) {
      String parts = containers.stream().map(c -> c.instance() + " " + limitBytes(c) / MIB + " MiB")
          .collect(Collectors.joining(", "));
      throw new LocalInputException("not enough memory: the platform needs " + needed / MIB + " MiB (" + parts
          + ") and this machine has " + available / MIB + " MiB available; use fewer --workers or set a smaller "
          + "spark.standalone.worker.memory / spark.executor.memory (or off-heap / PySpark memory in spark.conf)");
    }
  }

  /**
   * The sum of the containers' memory limits. A worker's limit holds what its executors use beyond their heap
   * (off-heap, PySpark and tmpfs memory): the chart puts it there.
   */
  static long neededBytes(List<ChartContainer> containers) {
    return containers.stream().mapToLong(MemoryBudget::limitBytes).sum();
  }

  private static long limitBytes(ChartContainer c) {
    var limits = c.container().getResources() == null ? null : c.container().getResources().getLimits();
    Quantity memory = limits == null ? null : limits.get("memory");
    return memory == null ? 0 : Quantity.getAmountInBytes(memory).longValue();
  }

  /** MemAvailable from /proc/meminfo where there is one, else what the JVM reports free. */
  static long availableBytes() {
    Path meminfo = Path.of("/proc/meminfo");
    try {
      if (Files.isReadable(meminfo)) {
        for (String line : Files.readAllLines(meminfo)) {
          if (line.startsWith("MemAvailable:")) {
            return new BigDecimal(line.replaceAll("[^0-9]", "")).longValue() * 1024;
          }
        }
      }
    } catch (IOException e) {
      // fall through to the JVM's view
    }
    var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    return os.getFreeMemorySize();
  }
}
