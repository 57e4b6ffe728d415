package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.connect.ConnectSessions;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Executor pods that break PSS restricted (a hostPath volume added through spark.conf, which Spark
 * puts on every executor pod) are refused as a real cluster refuses them: they stay Pending with
 * the reason, and the Connect server says it has no resources instead of waiting silently. The
 * pods Spark built also show that a tmpfs local dir is in the executor's memory limit.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PodSecurityKubernetesBackendIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void refusedExecutorPodsStayPendingWithTheReason(String version, @TempDir Path runDir) throws Exception {
    List<String> hostPathVolume = List.of(
        "spark.conf.spark\\.kubernetes\\.executor\\.volumes\\.hostPath\\.data\\.mount\\.path=/data",
        "spark.conf.spark\\.kubernetes\\.executor\\.volumes\\.hostPath\\.data\\.options\\.path=/var/lib/data",
        // Spark warns that no executor accepted the job after this long (default 15 s).
        "spark.conf.spark\\.starvation\\.timeout=2s",
        "spark.executor.localStorage.type=tmpfs", "spark.executor.localStorage.size=512Mi");
    try (KubernetesBackendRun run = KubernetesBackendRun.start(Charts.chartDir(), version, hostPathVolume, runDir,
        false)) {
      SparkSession spark = ConnectSessions.open(run.connectUrl());
      try {
        CompletableFuture<Long> count = CompletableFuture.supplyAsync(() -> spark.range(10).count());
        Waits.until("an executor pod refused", () -> !run.kubelet().refused().isEmpty());
        Pod refused = run.executorPods().get(0);
        Waits.until("the refusal in the pod's status", () -> pending(run, refused));
        PodCondition scheduled = current(run, refused).getStatus().getConditions().get(0);
        assertThat(scheduled.getReason()).isEqualTo("Unschedulable");
        assertThat(scheduled.getMessage()).contains("violates PodSecurity", "host-path-volumes");
        assertThat(run.kubelet().runningCount()).isZero();
        assertTmpfsInTheMemoryLimit(refused);

        Waits.until("the Connect server reporting that no executor can run", Duration.ofSeconds(90),
            () -> log(run).contains("Initial job has not accepted any resources"));
        assertThat(count).as("no answer without executors").isNotDone();
        spark.interruptAll();
      } finally {
        ConnectSessions.close(spark);
      }
    }
  }

  /** Spark sizes the pod from spark.executor.memory (1g) and memoryOverhead (384 MiB + the tmpfs' 512 MiB). */
  private static void assertTmpfsInTheMemoryLimit(Pod pod) {
    Volume local = pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("spark-local-dir-1")).findFirst()
        .orElseThrow();
    assertThat(local.getEmptyDir().getMedium()).isEqualTo("Memory");
    assertThat(local.getEmptyDir().getSizeLimit()).hasToString("512Mi");
    Container executor = pod.getSpec().getContainers().get(0);
    assertThat(executor.getResources().getLimits().get("memory")).hasToString("1920Mi");
    assertThat(executor.getVolumeMounts()).extracting(VolumeMount::getMountPath).contains("/opt/spark/local-dir");
  }

  private static boolean pending(KubernetesBackendRun run, Pod pod) {
    Pod now = current(run, pod);
    return now != null && "Pending".equals(now.getStatus().getPhase()) && now.getStatus().getConditions() != null
        && !now.getStatus().getConditions().isEmpty();
  }

  private static Pod current(KubernetesBackendRun run, Pod pod) {
    return run.api().client().pods().inNamespace(KubernetesBackendRun.NAMESPACE)
        .withName(pod.getMetadata().getName()).get();
  }

  private static String log(KubernetesBackendRun run) {
    try {
      return Files.readString(run.driverLog());
    } catch (java.io.IOException e) {
      return "";
    }
  }
}
