package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import io.fabric8.kubernetes.api.model.Container;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Off-heap memory (spark.memory.offHeap.size when enabled) and PySpark memory (spark.executor.pyspark.memory), set
 * through spark.conf, are in the executor pod's memory: Spark adds off-heap memory to the pod itself, and PySpark
 * memory (which it adds for Python applications only, and the Connect server is a JVM one) goes into
 * spark.executor.memoryOverhead, so Spark's pod and the chart's agree. Standalone workers hold them for each
 * executor they can run. The driver runs no tasks and gets neither.
 */
class MemoryBeyondHeapTest {

  /** 2 GiB off-heap, written as a bare byte count as values files often do (a float to Helm). */
  private static final Map<String, Object> OFF_HEAP_AND_PYSPARK = Map.of("spark.conf", Map.of(
      "spark.memory.offHeap.enabled", true, "spark.memory.offHeap.size", 2147483648L,
      "spark.executor.pyspark.memory", "512m"));

  @TempDir
  static Path dir;

  static Stream<Arguments> executorPodBackends() {
    return JobPods.versionsAndBackends(b -> !b.equals("standalone"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("executorPodBackends")
  void theExecutorPodHoldsOffHeapAndPysparkMemory(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, OFF_HEAP_AND_PYSPARK);
    Map<String, String> conf = pods.conf();
    assertThat(conf).containsEntry("spark.memory.offHeap.size", "2147483648")
        .containsEntry("spark.executor.memory", "1024m")
        .as("Spark's 384 MiB and the PySpark workers' 512").containsEntry("spark.executor.memoryOverhead", "896m")
        .containsEntry("spark.driver.memoryOverhead", "384m");
    Container executor = JobPods.spark(pods.executor().orElseThrow());
    assertThat(executor.getResources().getLimits().get("memory")).hasToString((1024 + 896 + 2048) + "Mi");
    assertThat(executor.getResources().getRequests().get("memory")).hasToString((1024 + 896 + 2048) + "Mi");
    if (!pods.operator()) {
      assertThat(JobPods.spark(pods.driver()).getResources().getLimits().get("memory")).hasToString("1408Mi");
    }
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void standaloneWorkersHoldItForEachExecutor(String version) {
    Map<String, Object> twoPerWorker = Map.of("spark.standalone.worker.memory", "2g", "spark.standalone.worker.cores", 2);
    long plain = workerMemory(JobPods.render(dir, "standalone", version, twoPerWorker));
    JobPods pods = JobPods.render(dir, "standalone", version, JobPods.merged(twoPerWorker, OFF_HEAP_AND_PYSPARK));
    assertThat(workerMemory(pods)).isEqualTo(plain + 2 * (2048 + 512));
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @Test
  void offHeapMemoryThatIsNotEnabledTakesNothing() {
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1",
        Map.of("spark.conf", Map.of("spark.memory.offHeap.size", "4g")));
    assertThat(JobPods.spark(pods.executor().orElseThrow()).getResources().getLimits().get("memory"))
        .hasToString("1408Mi");
  }

  private static long workerMemory(JobPods pods) {
    String limit = JobPods.spark(pods.worker().orElseThrow()).getResources().getLimits().get("memory").toString();
    return Long.parseLong(limit.substring(0, limit.length() - "Mi".length()));
  }
}
