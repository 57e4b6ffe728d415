package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spark.executor.localStorage: Spark takes an executor volume named spark-local-dir-* as its local dir; emptyDir
 * and tmpfs are that volume in the executor pod spec, onDemandClaim is Spark's own claim per executor. A tmpfs is
 * RAM: its size is in the pod's memory and in spark.executor.memoryOverhead (Spark sets the pod's memory from the
 * overhead). Standalone workers get one local dir for the executors they hold.
 */
class ExecutorLocalStorageTest {

  private static final String LOCAL_DIR = "/opt/spark/local-dir";
  private static final String CLAIM = "spark.kubernetes.executor.volumes.persistentVolumeClaim.spark-local-dir-1.";
  private static final Map<String, Object> TMPFS = Map.of("spark.executor.localStorage.type", "tmpfs",
      "spark.executor.localStorage.size", "2Gi");
  private static final Map<String, Object> CLAIMS = Map.of("spark.executor.localStorage.type", "onDemandClaim",
      "spark.executor.localStorage.size", "50Gi", "spark.executor.localStorage.storageClass", "fast-ssd");

  @TempDir
  static Path dir;

  static Stream<Arguments> executorPodBackends() {
    return JobPods.versionsAndBackends(b -> !b.equals("standalone"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("executorPodBackends")
  void emptyDirWithASizeLimitIsTheLocalDir(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, Map.of("spark.executor.localStorage.size", "20Gi"));
    PodSpec executor = pods.executor().orElseThrow();
    Volume local = localDirVolume(executor, "spark-local-dir-1");
    assertThat(local.getEmptyDir().getMedium()).isNull();
    assertThat(local.getEmptyDir().getSizeLimit()).hasToString("20Gi");
    assertThat(pods.conf().keySet()).noneMatch(k -> k.startsWith("spark.kubernetes.executor.volumes."));
    assertThat(pods.driver().getVolumes()).extracting(Volume::getName).noneMatch(n -> n.startsWith("spark-local-dir"));
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("executorPodBackends")
  void tmpfsIsCountedInThePodMemoryAndInSparksOverhead(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, TMPFS);
    PodSpec executor = pods.executor().orElseThrow();
    Volume local = localDirVolume(executor, "spark-local-dir-1");
    assertThat(local.getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(local.getEmptyDir().getSizeLimit()).hasToString("2Gi");
    Map<String, String> conf = pods.conf();
    // spark.executor.memory 1g: Spark's own overhead is 384 MiB; the tmpfs adds 2048.
    assertThat(conf).containsEntry("spark.executor.memory", "1024m").containsEntry("spark.executor.memoryOverhead", "2432m");
    Container spark = JobPods.spark(executor);
    assertThat(spark.getResources().getLimits().get("memory")).hasToString("3456Mi");
    assertThat(spark.getResources().getRequests().get("memory")).hasToString("3456Mi");
    assertThat(conf).as("the driver has no tmpfs").containsEntry("spark.driver.memoryOverhead", "384m");
    assertThat(pods.driver().getVolumes()).extracting(Volume::getName).noneMatch(n -> n.startsWith("spark-local-dir"));
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("executorPodBackends")
  void onDemandClaimsAreSparksOwnedByTheDriverAndReused(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, CLAIMS);
    assertThat(pods.conf())
        .containsEntry(CLAIM + "options.claimName", "OnDemand")
        .containsEntry(CLAIM + "options.storageClass", "fast-ssd")
        .containsEntry(CLAIM + "options.sizeLimit", "50Gi")
        .containsEntry(CLAIM + "mount.path", LOCAL_DIR)
        .containsEntry(CLAIM + "mount.readOnly", "false")
        .containsEntry("spark.kubernetes.driver.ownPersistentVolumeClaim", "true")
        .containsEntry("spark.kubernetes.driver.reusePersistentVolumeClaim", "true");
    // Spark counts a claim reusable only 10 minutes after its creation (spark.kubernetes.allocation.executor.timeout):
    // waiting for one would leave a lost executor unreplaced that long (seen on the Kubernetes harness).
    assertThat(pods.conf()).doesNotContainKey("spark.kubernetes.driver.waitToReusePersistentVolumeClaim");
    PodSpec executor = pods.executor().orElseThrow();
    assertThat(executor.getVolumes()).as("Spark adds the claim's volume; a second one of that name is invalid")
        .extracting(Volume::getName).noneMatch(n -> n.startsWith("spark-local-dir"));
    KubernetesBackendWiring.checkRbac(pods.view(), ReleaseView.FULLNAME);
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void standaloneWorkersHoldTheLocalDirsOfTheirExecutors(String version) {
    // Two executors of 1g fit a worker of 2g and 2 cores.
    Map<String, Object> twoPerWorker = Map.of("spark.standalone.worker.memory", "2g", "spark.standalone.worker.cores", 2);
    JobPods emptyDir = JobPods.render(dir, "standalone", version, JobPods.merged(twoPerWorker,
        Map.of("spark.executor.localStorage.size", "20Gi")));
    PodSpec worker = emptyDir.worker().orElseThrow();
    assertThat(localDirVolume(worker, "spark-local-dir").getEmptyDir().getSizeLimit()).hasToString("40960Mi");
    assertThat(JobPods.spark(worker).getEnv()).filteredOn(e -> e.getName().equals("SPARK_LOCAL_DIRS"))
        .extracting(EnvVar::getValue).containsExactly(LOCAL_DIR);
    long memoryWithoutTmpfs = mib(JobPods.spark(worker).getResources().getLimits().get("memory").toString());

    JobPods tmpfs = JobPods.render(dir, "standalone", version, JobPods.merged(twoPerWorker, TMPFS));
    PodSpec tmpfsWorker = tmpfs.worker().orElseThrow();
    assertThat(localDirVolume(tmpfsWorker, "spark-local-dir").getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(mib(JobPods.spark(tmpfsWorker).getResources().getLimits().get("memory").toString()))
        .isEqualTo(memoryWithoutTmpfs + 2 * 2048);
    assertThat(tmpfs.findings()).extracting(Finding::describe).isEmpty();

    JobPods claims = JobPods.render(dir, "standalone", version, JobPods.merged(twoPerWorker, CLAIMS));
    PersistentVolumeClaim claim = claims.view().statefulSet("worker").getSpec().getVolumeClaimTemplates().stream()
        .filter(c -> c.getMetadata().getName().equals("spark-local-dir")).findFirst().orElseThrow();
    assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
    assertThat(claim.getSpec().getResources().getRequests().get("storage")).hasToString("102400Mi");
    assertThat(JobPods.spark(claims.worker().orElseThrow()).getVolumeMounts())
        .filteredOn(m -> m.getName().equals("spark-local-dir")).extracting(VolumeMount::getMountPath)
        .containsExactly(LOCAL_DIR);
    assertThat(claims.conf().keySet()).noneMatch(k -> k.startsWith("spark.kubernetes."));
    assertThat(claims.findings()).extracting(Finding::describe).isEmpty();
  }

  /** The local-dir volume, mounted at the local dir by the Spark container. */
  private static Volume localDirVolume(PodSpec pod, String name) {
    assertThat(JobPods.spark(pod).getVolumeMounts()).filteredOn(m -> m.getName().equals(name))
        .extracting(VolumeMount::getMountPath).containsExactly(LOCAL_DIR);
    return pod.getVolumes().stream().filter(v -> v.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no volume " + name));
  }

  private static long mib(String quantity) {
    assertThat(quantity).endsWith("Mi");
    return Long.parseLong(quantity.substring(0, quantity.length() - 2));
  }
}
