package dev.sparkk8s.policy.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory a Spark driver or executor pod needs, computed as Spark on Kubernetes sizes the pod: JVM memory
 * ({@code spark.<role>.memory}, default 1g) plus overhead ({@code spark.<role>.memoryOverhead}, else
 * max({@code spark.<role>.minMemoryOverhead} (384m), {@code spark.<role>.memoryOverheadFactor} (0.1) x memory)),
 * and for executors off-heap memory (when enabled) and PySpark memory.
 *
 * @param memoryKey the key of the JVM memory, for messages
 * @param totalMiB  what the pod's memory limit must hold
 * @param breakdown how the total was reached, for messages
 */
record MemoryBudget(String memoryKey, long totalMiB, String breakdown) {

  private static final String MIN_OVERHEAD = "384m";

  static MemoryBudget executor(SparkConf conf) {
    return of(conf, "executor");
  }

  static MemoryBudget driver(SparkConf conf) {
    return of(conf, "driver");
  }

  private static MemoryBudget of(SparkConf conf, String role) {
    String memoryKey = "spark." + role + ".memory";
    String memory = conf.get(memoryKey).orElse("1g");
    long heap = SparkSize.mib(memoryKey, memory, SparkSize.MIB);
    List<String> parts = new ArrayList<>();
    parts.add(memoryKey + " " + memory + (conf.get(memoryKey).isPresent() ? "" : " (Spark's default)"));

    String overheadKey = "spark." + role + ".memoryOverhead";
    long overhead;
    if (conf.get(overheadKey).isPresent()) {
      overhead = SparkSize.mib(overheadKey, conf.values().get(overheadKey), SparkSize.MIB);
      parts.add(overheadKey + " " + conf.values().get(overheadKey));
    } else {
      String factorKey = conf.get("spark." + role + ".memoryOverheadFactor").isPresent()
          ? "spark." + role + ".memoryOverheadFactor" : "spark.kubernetes.memoryOverheadFactor";
      String factorValue = conf.get(factorKey).orElse("0.1");
      double factor = factor(factorKey, factorValue);
      String minKey = "spark." + role + ".minMemoryOverhead";
      String minValue = conf.get(minKey).orElse(MIN_OVERHEAD);
      long min = SparkSize.mib(minKey, minValue, SparkSize.MIB);
      overhead = Math.max((long) (factor * heap), min);
      parts.add("overhead " + overhead + " MiB (max(" + minKey + " " + minValue + ", "
          + factorKey + " " + factorValue + " x memory))");
    }
    long total = heap + overhead;
    if (role.equals("executor")) {
      if (conf.isTrue("spark.memory.offHeap.enabled")) {
        long offHeap = SparkSize.mib("spark.memory.offHeap.size",
            conf.get("spark.memory.offHeap.size").orElse("0"), SparkSize.BYTE);
        total += offHeap;
        parts.add("spark.memory.offHeap.size " + offHeap + " MiB");
      }
      if (conf.get("spark.executor.pyspark.memory").isPresent()) {
        long pyspark = SparkSize.mib("spark.executor.pyspark.memory",
            conf.values().get("spark.executor.pyspark.memory"), SparkSize.MIB);
        total += pyspark;
        parts.add("spark.executor.pyspark.memory " + pyspark + " MiB");
      }
    }
    return new MemoryBudget(memoryKey, total, String.join(" + ", parts) + " = " + total + " MiB");
  }

  private static double factor(String key, String value) {
    try {
      double factor = Double.parseDouble(value);
      if (factor > 0) {
        return factor;
      }
    } catch (NumberFormatException notANumber) {
      // reported below
    }
    throw new BadValue(key, key + " " + value + " is not a positive number");
  }
}
