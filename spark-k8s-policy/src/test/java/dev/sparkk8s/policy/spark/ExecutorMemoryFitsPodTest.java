package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.Quantity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template's limit is 2432Mi: exactly spark.executor.memory 2g + 384 MiB overhead. */
class ExecutorMemoryFitsPodTest {

  private static final String TEMPLATE = "ConfigMap/spark-executor-pod-template";
  private static final String LIMIT =
      "data[executor-pod-template.yaml].spec.containers[spark-executor].resources.limits.memory";

  private final CompliantRelease release = new CompliantRelease();

  @ParameterizedTest(name = "{0}={1} needs {2} MiB")
  @CsvSource({
      "spark.executor.memory, 2049m, 2433",
      "spark.executor.memory, 2049M, 2433",
      "spark.executor.memory, 2049, 2433",
      "spark.executor.memoryOverhead, 385m, 2433",
      "spark.executor.memoryOverheadFactor, 0.2, 2457",
      "spark.executor.minMemoryOverhead, 512m, 2560"})
  void executorNeedsMoreThanTheTemplateLimit(String key, String value, String neededMiB) {
    release.sparkDefaults.put(key, value);

    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, "spark-executor", LIMIT);
    assertThat(f.message()).contains(key + " " + value).contains("= " + neededMiB + " MiB").contains("2432Mi");
    assertThat(f.fix()).contains("spark.executor.memory");
  }

  @Test
  void offHeapMemoryCountsWhenEnabled() {
    release.sparkDefaults.put("spark.memory.offHeap.size", "1048576");
    assertThat(release.check()).isEmpty();

    release.sparkDefaults.put("spark.memory.offHeap.enabled", "true");
    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, "spark-executor", LIMIT);
    assertThat(f.message()).contains("= 2433 MiB");
  }

  @Test
  void pysparkMemoryCountsForAPythonApplicationOnly() {
    release.sparkDefaults.put("spark.executor.pyspark.memory", "1");
    release.sparkDefaults.put("spark.executor.memoryOverhead", "385m");
    release.executorContainer().getResources().getLimits().put("memory", new Quantity("2433Mi"));
    assertThat(release.check()).isEmpty();

    release.sparkDefaults.put("spark.kubernetes.resource.type", "python");
    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, "spark-executor", LIMIT);
    assertThat(f.message()).contains("spark.executor.pyspark.memory 1 MiB").contains("= 2434 MiB");
  }

  @Test
  void missingLimit() {
    release.executorContainer().getResources().getLimits().remove("memory");

    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, "spark-executor", LIMIT);
    assertThat(f.message()).contains("no memory limit").contains("2432Mi");
  }

  @Test
  void defaultExecutorMemoryIsOneGigabyte() {
    release.sparkDefaults.remove("spark.executor.memory");
    release.executorContainer().getResources().getLimits().put("memory", new Quantity("1407Mi"));

    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, "spark-executor", LIMIT);
    assertThat(f.message()).contains("1g (Spark's default)").contains("= 1408 MiB");
  }

  @Test
  void executorContainerNotInTheTemplate() {
    release.executorContainer().setName("executor");

    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, null,
        "data[executor-pod-template.yaml].spec.containers");
    assertThat(f.message()).contains("spark-executor");
  }

  @Test
  void templateThatIsNotAPod() {
    release.executorPod.setKind("Deployment");

    only(release.check(), ExecutorMemoryFitsPod.ID, TEMPLATE, null, "data[executor-pod-template.yaml]");
  }

  @Test
  void memoryThatSparkCannotParse() {
    release.sparkDefaults.put("spark.executor.memory", "1.5g");

    Finding f = only(release.check(), ExecutorMemoryFitsPod.ID, "ConfigMap/spark-conf", null,
        "data[spark-defaults.conf][spark.executor.memory]");
    assertThat(f.message()).contains("1.5g");
  }
}
