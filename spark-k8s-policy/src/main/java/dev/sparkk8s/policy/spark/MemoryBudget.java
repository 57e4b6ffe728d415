package dev.sparkk8s.policy.spark;

import java.util.ArrayList;
import java.util.List;

/**
 * The memory a Spark driver or executor pod needs, computed as Spark on Kubernetes sizes the pod: JVM memory
 * ({@code spark.<role>.memory}, default 1g) plus overhead ({@code spark.<role>.memoryOverhead}, else
 * max({@code spark.<role>.minMemoryOverhead} (384m), {@code spark.<role>.memoryOverheadFactor} (0.1) x memory)),
 * and for executors off-heap memory (when enabled) and, for a Python application only, PySpark memory
 * (ResourceProfile.getResourcesForClusterManager; a JVM application such as the Connect server gets no room for
 * PySpark workers: {@link ExecutorOverheadHoldsUncountedMemory}).
 *
 * @param memoryKey the key of the JVM memory, for messages
 * @param totalMiB  what the pod's memory limit must hold
 * @param breakdown how the total was reached, for messages
 */
record MemoryBudget(String memoryKey, long totalMiB, String breakdown) {

  static final String PYSPARK_MEMORY = "spark.executor.pyspark.memory";
  private static final String MIN_OVERHEAD = "384m";

  static MemoryBudget executor(SparkConf conf) {
    return of(conf, "executor");
  }

  static MemoryBudget driver(SparkConf conf) {
    return of(conf, "driver");
  }

  /** {@code spark.<role>.memory} in MiB (Spark's default 1g). */
  static long heapMiB(SparkConf conf, String role) {
    String memoryKey = "spark." + role + ".memory";
    return SparkSize.mib(memoryKey, conf.get(memoryKey).orElse("1g"), SparkSize.MIB);
  }

  /** The overhead Spark computes when {@code spark.<role>.memoryOverhead} is unset, with how it got there. */
  static Part defaultOverhead(SparkConf conf, String role, long heapMiB) {
    String factorKey = conf.get("spark." + role + ".memoryOverheadFactor").isPresent()
        ? "spark." + role + ".memoryOverheadFactor" : "spark.kubernetes.memoryOverheadFactor";
    String factorValue = conf.get(factorKey).orElse("0.1");
    double factor = factor(factorKey, factorValue);
    String minKey = "spark." + role + ".minMemoryOverhead";
    String minValue = conf.get(minKey).orElse(MIN_OVERHEAD);
    long min = SparkSize.mib(minKey, minValue, SparkSize.MIB);
    long overhead = Math.max((long) (factor * heapMiB), min);
    return new Part(overhead, "overhead " + overhead + " MiB (max(" + minKey + " " + minValue + ", "
        + factorKey + " " + factorValue + " x memory))");
  }

  /** Spark on Kubernetes adds PySpark memory to the executor pod of a Python application only. */
  static boolean pythonApplication(SparkConf conf) {
    return conf.get("spark.kubernetes.resource.type").map("python"::equalsIgnoreCase).orElse(false);
  }

  /** A number of MiB and how it was reached. */
  record Part(long mib, String text) {
  }

  private static MemoryBudget of(SparkConf conf, String role) {
    String memoryKey = "spark." + role + ".memory";
    String memory = conf.get(memoryKey).orElse("1g");
    long heap = heapMiB(conf, role);
    List<String> parts = new ArrayList<>();
    parts.add(memoryKey + " " + memory + (conf.get(memoryKey).isPresent() ? "" : " (Spark's default)"));

    String overheadKey = "spark." + role + ".memoryOverhead";
    long overhead;
    if (conf.get(overheadKey).isPresent()) {
      overhead = SparkSize.mib(overheadKey, conf.values().get(overheadKey), SparkSize.MIB);
      parts.add(overheadKey + " " + conf.values().get(overheadKey));
    } else {
      Part computed = defaultOverhead(conf, role, heap);
      overhead = computed.mib();
      parts.add(computed.text());
    }
    long total = heap + overhead;
    if (role.equals("executor")) {
      if (conf.isTrue("spark.memory.offHeap.enabled")) {
        long offHeap = SparkSize.mib("spark.memory.offHeap.size",
            conf.get("spark.memory.offHeap.size").orElse("0"), SparkSize.BYTE);
        total += offHeap;
        parts.add("spark.memory.offHeap.size " + offHeap + " MiB");
      }
      if (conf.get(PYSPARK_MEMORY).isPresent() && pythonApplication(conf)) {
        long pyspark = SparkSize.mib(PYSPARK_MEMORY, conf.values().get(PYSPARK_MEMORY), SparkSize.MIB);
        total += pyspark;
        parts.add(PYSPARK_MEMORY + " " + pyspark + " MiB");
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
