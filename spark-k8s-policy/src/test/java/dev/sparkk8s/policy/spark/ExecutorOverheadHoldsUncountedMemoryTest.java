package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import org.junit.jupiter.api.Test;

/** spark.executor.memory is 2g: Spark's own overhead is 384 MiB, and nothing else is uncounted. */
class ExecutorOverheadHoldsUncountedMemoryTest {

  private static final String CONF = "ConfigMap/spark-conf";
  private static final String OVERHEAD = "data[spark-defaults.conf][spark.executor.memoryOverhead]";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void pysparkMemoryOfAJvmApplicationOutsideTheOverhead() {
    release.sparkDefaults.put("spark.executor.pyspark.memory", "512m");

    Finding f = only(release.check(), ExecutorOverheadHoldsUncountedMemory.ID, CONF, null, OVERHEAD);
    assertThat(f.message()).contains("unset (384 MiB)", "896 MiB", "spark.executor.pyspark.memory 512 MiB");
    assertThat(f.fix()).contains("spark.executor.memoryOverhead");
  }

  @Test
  void pysparkMemoryInsideTheOverhead() {
    release.sparkDefaults.put("spark.executor.pyspark.memory", "512m");
    release.sparkDefaults.put("spark.executor.memoryOverhead", "896m");
    release.executorContainer().getResources().getLimits().put("memory", new Quantity("2944Mi"));
    release.executorContainer().getResources().getRequests().put("memory", new Quantity("2944Mi"));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void aPythonApplicationGetsItsPysparkMemoryFromSpark() {
    release.sparkDefaults.put("spark.executor.pyspark.memory", "512m");
    release.sparkDefaults.put("spark.kubernetes.resource.type", "python");
    release.executorContainer().getResources().getLimits().put("memory", new Quantity("2944Mi"));
    release.executorContainer().getResources().getRequests().put("memory", new Quantity("2944Mi"));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void tmpfsOutsideTheOverhead() {
    mountTmpfs("1Gi");

    Finding f = only(release.check(), ExecutorOverheadHoldsUncountedMemory.ID, CONF, null, OVERHEAD);
    assertThat(f.message()).contains("1408 MiB", "tmpfs scratch 1024 MiB");
  }

  @Test
  void tmpfsInsideTheOverhead() {
    mountTmpfs("1Gi");
    release.sparkDefaults.put("spark.executor.memoryOverhead", "1408m");
    release.executorContainer().getResources().getLimits().put("memory", new Quantity("3456Mi"));
    release.executorContainer().getResources().getRequests().put("memory", new Quantity("3456Mi"));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void tmpfsWithoutSizeLimit() {
    mountTmpfs(null);

    Finding f = only(release.check(), ExecutorOverheadHoldsUncountedMemory.ID,
        "ConfigMap/spark-executor-pod-template", "spark-executor",
        "data[executor-pod-template.yaml].spec.volumes[scratch].emptyDir");
    assertThat(f.message()).contains("no sizeLimit");
  }

  @Test
  void anEmptyDirOnDiskIsNotMemory() {
    release.executorPod.getSpec().getVolumes().add(new VolumeBuilder().withName("scratch").withNewEmptyDir()
        .withSizeLimit(new Quantity("50Gi")).endEmptyDir().build());
    release.executorContainer().getVolumeMounts().add(new VolumeMountBuilder().withName("scratch")
        .withMountPath("/scratch").build());

    assertThat(release.check()).isEmpty();
  }

  @Test
  void apacheSparkApplicationWithPysparkMemory() {
    SparkApplicationFixtures.path(release.apacheApp, "spec", "sparkConf").put("spark.executor.pyspark.memory", "1g");

    Finding f = only(release.check(), ExecutorOverheadHoldsUncountedMemory.ID, "SparkApplication/spark-pi", null,
        "spec.sparkConf[spark.executor.memoryOverhead]");
    assertThat(f.message()).contains("1408 MiB");
  }

  private void mountTmpfs(String size) {
    release.executorPod.getSpec().getVolumes().add(new VolumeBuilder().withName("scratch").withNewEmptyDir()
        .withMedium("Memory").withSizeLimit(size == null ? null : new Quantity(size)).endEmptyDir().build());
    release.executorContainer().getVolumeMounts().add(new VolumeMountBuilder().withName("scratch")
        .withMountPath("/scratch").build());
  }
}
