package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.ValuesException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * spark.executor.gpu: Spark's resource keys on every backend, the GPU limit on the executor pod (Spark on
 * Kubernetes asks for <vendor>/gpu, so the vendor is the resource's domain), the GPUs of the executors a Standalone
 * worker can hold on the worker; none on the driver.
 */
class GpuExecutorsTest {

  private static final String SCRIPT = "/opt/spark/examples/src/main/scripts/getGpusResources.sh";
  private static final Map<String, Object> TWO_GPUS = Map.of("spark.executor.gpu.amount", 2,
      "spark.executor.gpu.taskAmount", 0.5);

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void executorsGetTheirGpusAndTasksShareThem(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, TWO_GPUS);
    Map<String, String> conf = pods.conf();
    assertThat(conf).containsEntry("spark.executor.resource.gpu.amount", "2")
        .containsEntry("spark.executor.resource.gpu.discoveryScript", SCRIPT)
        .containsEntry("spark.task.resource.gpu.amount", "0.5")
        .doesNotContainKeys("spark.plugins", "spark.jars");
    if (backend.equals("standalone")) {
      assertThat(conf).as("only Spark on Kubernetes reads the vendor").doesNotContainKey("spark.executor.resource.gpu.vendor");
      Container worker = JobPods.spark(pods.worker().orElseThrow());
      assertThat(worker.getResources().getLimits().get("nvidia.com/gpu")).as("one executor per worker").hasToString("2");
      assertThat(StandaloneBackendWiring.env(worker, "SPARK_WORKER_OPTS")).contains(
          "-Dspark.worker.resource.gpu.amount=2", "-Dspark.worker.resource.gpu.discoveryScript=" + SCRIPT);
    } else {
      assertThat(conf).containsEntry("spark.executor.resource.gpu.vendor", "nvidia.com");
      PodSpec executor = pods.executor().orElseThrow();
      assertThat(JobPods.spark(executor).getResources().getLimits().get("nvidia.com/gpu")).hasToString("2");
    }
    Container driver = JobPods.spark(pods.driver());
    assertThat(driver.getResources() == null || driver.getResources().getLimits() == null
        || !driver.getResources().getLimits().containsKey("nvidia.com/gpu")).as("the driver runs no task").isTrue();
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @Test
  void anotherVendorAndTheRapidsAccelerator() {
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.executor.gpu.amount", 1,
        "spark.executor.gpu.resourceName", "amd.com/gpu", "spark.executor.gpu.discoveryScript", "/opt/gpu/discover.sh",
        "spark.executor.gpu.rapidsJar", "local:///opt/rapids/rapids-4-spark_2.13.jar"));
    assertThat(pods.conf()).containsEntry("spark.executor.resource.gpu.vendor", "amd.com")
        .containsEntry("spark.executor.resource.gpu.discoveryScript", "/opt/gpu/discover.sh")
        .containsEntry("spark.task.resource.gpu.amount", "1")
        .containsEntry("spark.jars", "local:///opt/rapids/rapids-4-spark_2.13.jar")
        .containsEntry("spark.plugins", "com.nvidia.spark.SQLPlugin");
    assertThat(JobPods.spark(pods.executor().orElseThrow()).getResources().getLimits())
        .containsKey("amd.com/gpu").doesNotContainKey("nvidia.com/gpu");
  }

  @Test
  void noGpusByDefault() {
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1", Map.of());
    assertThat(pods.conf().keySet()).noneMatch(k -> k.contains(".resource.gpu."));
    assertThat(JobPods.spark(pods.executor().orElseThrow()).getResources().getLimits()).containsOnlyKeys("cpu", "memory");
  }

  /** Spark 3.5 takes task fractions up to 0.5 (TaskResourceRequest), 4.1 up to 1. */
  @Test
  void aTaskFractionAboveOneHalfIsFor41Only() {
    Map<String, Object> threeQuarters = Map.of("spark.executor.gpu.amount", 1, "spark.executor.gpu.taskAmount", 0.75);
    assertThat(JobPods.render(dir, "kubernetes", "4.1", threeQuarters).conf())
        .containsEntry("spark.task.resource.gpu.amount", "0.75");
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "3.5", threeQuarters))
        .isInstanceOf(ValuesException.class).hasMessageContaining("spark.executor.gpu.taskAmount")
        .hasMessageContaining("0.5");
  }
}
