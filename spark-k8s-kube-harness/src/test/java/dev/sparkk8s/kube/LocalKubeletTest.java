package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.local.SparkHome;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod whose container cannot start, or stops with an error, is Failed with the container's exit
 * code; a pod that names a missing priority class is refused; a pod whose claim does not exist yet
 * waits Pending and starts once the claim is created and bound.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LocalKubeletTest {

  private static final String NAMESPACE = "kubelet-test";

  @TempDir
  Path runDir;

  private MockKubernetesApi api;
  private LocalKubelet kubelet;

  @BeforeEach
  void start() {
    api = new MockKubernetesApi();
    api.client().serviceAccounts().inNamespace(NAMESPACE)
        .resource(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build()).create();
    kubelet = new LocalKubelet(api.client(), NAMESPACE, SparkHome.built("4.1"), runDir).start();
  }

  @AfterEach
  void stop() {
    kubelet.close();
    api.close();
  }

  @Test
  void aContainerThatCannotStartFailsWithExitCode128AndTheReason() {
    create(pod("not-spark", "/usr/bin/python3"));

    ContainerStateTerminated terminated = awaitTerminated("not-spark");
    assertThat(terminated.getExitCode()).isEqualTo(128);
    assertThat(terminated.getMessage()).startsWith("cannot start the container: not-spark: the local runtime runs "
        + "spark-class, spark-submit, driver, executor, bash and nginx containers, not /usr/bin/python3");
    assertThat(kubelet.startedPods()).isEmpty();
  }

  @Test
  void anExecutorThatExitsWithAnErrorFailsWithItsExitCode() {
    // No SPARK_EXECUTOR_MEMORY: the entrypoint's -Xms/-Xmx are empty and the JVM refuses to start.
    create(pod("bad-executor", "executor"));

    ContainerStateTerminated terminated = awaitTerminated("bad-executor");
    assertThat(terminated.getExitCode()).isEqualTo(1);
    assertThat(terminated.getReason()).isEqualTo("Error");
    assertThat(kubelet.startedPods()).extracting(p -> p.getMetadata().getName()).containsExactly("bad-executor");
  }

  @Test
  void aPodNamingAPriorityClassThatDoesNotExistIsRefused() {
    create(new PodBuilder(pod("low-priority", "executor")).editSpec().withPriorityClassName("batch").endSpec().build());

    assertThat(awaitPendingWith("low-priority")).isEqualTo("no PriorityClass with name batch was found");
    assertThat(kubelet.startedPods()).isEmpty();
  }

  @Test
  void aPodWaitsForItsClaimAndStartsOnceTheClaimIsBound() {
    api.client().storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
        .withName("standard").endMetadata().withProvisioner("csi.example.com").build()).create();
    create(new PodBuilder(pod("with-claim", "executor")).editSpec().addNewVolume().withName("spark-local-dir-1")
        .withNewPersistentVolumeClaim().withClaimName("with-claim-pvc-0").endPersistentVolumeClaim().endVolume()
        .endSpec().build());
    assertThat(awaitPendingWith("with-claim"))
        .isEqualTo("0/1 nodes are available: persistentvolumeclaim \"with-claim-pvc-0\" not found.");

    api.client().persistentVolumeClaims().inNamespace(NAMESPACE).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName("with-claim-pvc-0").endMetadata().withNewSpec().withStorageClassName("standard")
        .withAccessModes("ReadWriteOnce").withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources()
        .endSpec().build()).create();

    assertThat(awaitTerminated("with-claim").getExitCode()).as("started once the claim was bound").isEqualTo(1);
    assertThat(api.client().persistentVolumeClaims().inNamespace(NAMESPACE).withName("with-claim-pvc-0").get()
        .getStatus().getPhase()).isEqualTo("Bound");
  }

  /** The message of the pod's PodScheduled condition, once it is Pending with one. */
  private String awaitPendingWith(String name) {
    Waits.until(name + " Pending with a reason", Duration.ofSeconds(30), () -> {
      Pod now = api.client().pods().inNamespace(NAMESPACE).withName(name).get();
      return now != null && now.getStatus().getConditions() != null && !now.getStatus().getConditions().isEmpty();
    });
    return api.client().pods().inNamespace(NAMESPACE).withName(name).get().getStatus().getConditions().get(0).getMessage();
  }

  private void create(Pod pod) {
    api.client().pods().inNamespace(NAMESPACE).resource(pod).create();
  }

  private ContainerStateTerminated awaitTerminated(String name) {
    Waits.until(name + " Failed", Duration.ofSeconds(60), () -> {
      Pod now = api.client().pods().inNamespace(NAMESPACE).withName(name).get();
      return now != null && "Failed".equals(now.getStatus().getPhase());
    });
    Pod failed = api.client().pods().inNamespace(NAMESPACE).withName(name).get();
    return failed.getStatus().getContainerStatuses().get(0).getState().getTerminated();
  }

  /** An executor-like pod that Pod Security "restricted" admits, running the given args through the image. */
  private static Pod pod(String name, String arg) {
    return new PodBuilder().withNewMetadata().withName(name).withNamespace(NAMESPACE).addToLabels("spark-role", "executor")
        .endMetadata()
        .withNewSpec().withNewSecurityContext().withRunAsNonRoot(true).withNewSeccompProfile().withType("RuntimeDefault")
        .endSeccompProfile().endSecurityContext()
        .addNewContainer().withName("spark-executor").withImage("apache/spark:4.1.1").withArgs(arg)
        .withNewSecurityContext().withAllowPrivilegeEscalation(false).withNewCapabilities().withDrop("ALL")
        .endCapabilities().endSecurityContext().endContainer()
        .endSpec().build();
  }
}
