package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Spark sizes a JVM application's executor pod as memory + memoryOverhead + off-heap, and overrides the pod
 * template's memory request and limit with that. Memory it does not count comes out of the overhead: PySpark
 * workers ({@code spark.executor.pyspark.memory}, which Spark adds for Python applications only) and tmpfs volumes
 * (memory-backed emptyDirs) the executor container mounts, which the kubelet charges to the pod. So
 * {@code spark.executor.memoryOverhead} must hold Spark's own overhead plus these, or the executor is OOM-killed or
 * evicted when they fill; a tmpfs without a sizeLimit cannot be counted at all.
 */
public final class ExecutorOverheadHoldsUncountedMemory implements Rule {

  public static final String ID = "spark/executor-overhead-holds-uncounted-memory";
  static final String OVERHEAD_KEY = "spark.executor.memoryOverhead";
  private static final String FIX = "add them to spark.executor.memoryOverhead (the chart does it for "
      + "spark.conf's spark.executor.pyspark.memory and spark.executor.localStorage.type=tmpfs)";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (ExecutorPod executor : ExecutorPod.all(manifests)) {
      try {
        check(executor, out);
      } catch (BadValue bad) {
        out.add(executor.conf().finding(ID, bad.key, bad.getMessage(), "set it to a Spark size such as 2g"));
      }
    }
  }

  private static void check(ExecutorPod executor, List<Finding> out) {
    SparkConf conf = executor.conf();
    List<String> uncounted = new ArrayList<>();
    long uncountedMiB = 0;
    if (conf.get(MemoryBudget.PYSPARK_MEMORY).isPresent() && !MemoryBudget.pythonApplication(conf)) {
      long pyspark = SparkSize.mib(MemoryBudget.PYSPARK_MEMORY, conf.values().get(MemoryBudget.PYSPARK_MEMORY),
          SparkSize.MIB);
      uncountedMiB += pyspark;
      uncounted.add(MemoryBudget.PYSPARK_MEMORY + " " + pyspark + " MiB");
    }
    Map<String, Volume> volumes = executor.site().spec().getVolumes() == null ? Map.of()
        : executor.site().spec().getVolumes().stream().collect(Collectors.toMap(Volume::getName, Function.identity(),
            (a, b) -> a));
    List<VolumeMount> mounts = executor.container().container().getVolumeMounts() == null ? List.of()
        : executor.container().container().getVolumeMounts();
    for (VolumeMount mount : mounts) {
      Volume volume = volumes.get(mount.getName());
      if (volume == null || volume.getEmptyDir() == null || !"Memory".equals(volume.getEmptyDir().getMedium())) {
        continue;
      }
      Quantity size = volume.getEmptyDir().getSizeLimit();
      if (size == null) {
        out.add(executor.site().onPodFor(ID, executor.container(), "volumes[" + volume.getName() + "].emptyDir",
            "tmpfs volume " + volume.getName() + " has no sizeLimit: it can take any amount of the executor pod's "
                + "memory, which Spark does not count", "give it a sizeLimit and add that to " + OVERHEAD_KEY));
        continue;
      }
      long mib = Quantity.getAmountInBytes(size).divide(BigDecimal.valueOf(SparkSize.MIB), 0, RoundingMode.CEILING)
          .longValue();
      uncountedMiB += mib;
      uncounted.add("tmpfs " + volume.getName() + " " + mib + " MiB");
    }
    if (uncountedMiB == 0) {
      return;
    }
    long heap = MemoryBudget.heapMiB(conf, "executor");
    MemoryBudget.Part jvm = MemoryBudget.defaultOverhead(conf, "executor", heap);
    long needed = jvm.mib() + uncountedMiB;
    long overhead = conf.get(OVERHEAD_KEY).isPresent()
        ? SparkSize.mib(OVERHEAD_KEY, conf.values().get(OVERHEAD_KEY), SparkSize.MIB) : jvm.mib();
    if (overhead < needed) {
      out.add(conf.finding(ID, OVERHEAD_KEY, OVERHEAD_KEY + " " + conf.get(OVERHEAD_KEY).orElse("unset (" + overhead
          + " MiB)") + " is below the " + needed + " MiB the executor pod uses beyond its heap and off-heap memory: "
          + jvm.text() + " + " + String.join(" + ", uncounted) + ", which Spark does not add to the pod's memory",
          FIX));
    }
  }
}
