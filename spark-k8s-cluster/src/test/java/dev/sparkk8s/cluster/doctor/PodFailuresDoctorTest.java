package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.cluster.doctor.diagnosis.CrashLoop;
import dev.sparkk8s.cluster.doctor.diagnosis.ImagePullFailure;
import dev.sparkk8s.cluster.doctor.diagnosis.OutOfMemoryKilled;
import dev.sparkk8s.cluster.doctor.diagnosis.Unschedulable;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What kubelets and the scheduler report about a release's pods, each changed alone in a healthy release. */
class PodFailuresDoctorTest {

  private static final String IMAGE = "registry.example.com/spark:4.1.1-connect-s3";

  @Test
  void anExecutorImageThatCannotBePulled() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod executor = release.pod(Component.EXECUTOR);
      String message = "rpc error: code = NotFound desc = failed to pull and unpack image \"" + IMAGE + "\": not found";
      KubeletStatus.waiting(executor, ContainerNames.EXECUTOR, "ErrImagePull", message);

      DoctorFinding finding = Findings.only(Findings.of(release), ImagePullFailure.ID, Pods.ref(executor),
          ContainerNames.EXECUTOR);

      assertThat(finding.seen()).isEqualTo("status.containerStatuses[spark-executor].state.waiting.reason is "
          + "ErrImagePull for image " + IMAGE + ": " + message);
      assertThat(finding.fix()).contains("spark.image.repository", "spark.image.tag", "spark.imagePullSecrets");
    }
  }

  @Test
  void theConnectServerBackingOffFromPullingItsImage() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      KubeletStatus.waiting(connect, ContainerNames.CONNECT, "ImagePullBackOff",
          "Back-off pulling image \"" + IMAGE + "\"");

      DoctorFinding finding = Findings.only(Findings.of(release), ImagePullFailure.ID, Pods.ref(connect),
          ContainerNames.CONNECT);

      assertThat(finding.seen()).isEqualTo("status.containerStatuses[spark-connect].state.waiting.reason is "
          + "ImagePullBackOff for image " + IMAGE + ": Back-off pulling image \"" + IMAGE + "\"");
    }
  }

  @Test
  void theConnectServerOomKilledNamesTheDriversMemoryValues() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      KubeletStatus.lastTerminated(connect, ContainerNames.CONNECT, 137, "OOMKilled", null, 3);

      DoctorFinding finding = Findings.only(Findings.of(release), OutOfMemoryKilled.ID, Pods.ref(connect),
          ContainerNames.CONNECT);

      assertThat(finding.seen()).isEqualTo("status.containerStatuses[spark-connect].lastState.terminated.reason is "
          + "OOMKilled (memory limit 1408Mi, 3 restarts)");
      assertThat(finding.fix()).isEqualTo("raise spark.driver.memoryOverheadFactor, or then spark.driver.memory (the "
          + "chart derives the pod's memory limit from them)");
    }
  }

  @Test
  void anExecutorOomKilledNamesTheExecutorsMemoryValues() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod executor = release.pod(Component.EXECUTOR);
      executor.getStatus().setPhase("Failed");
      KubeletStatus.status(executor, ContainerNames.EXECUTOR).setState(new ContainerStateBuilder().withNewTerminated()
          .withExitCode(137).withReason("OOMKilled").endTerminated().build());

      DoctorFinding finding = Findings.only(Findings.of(release), OutOfMemoryKilled.ID, Pods.ref(executor),
          ContainerNames.EXECUTOR);

      assertThat(finding.seen()).isEqualTo("status.containerStatuses[spark-executor].state.terminated.reason is "
          + "OOMKilled (memory limit 1408Mi, 0 restarts)");
      assertThat(finding.fix()).startsWith("raise spark.executor.memoryOverheadFactor, or then spark.executor.memory");
    }
  }

  @Test
  void aCrashLoopShowsTheLastLinesOfThePreviousRun() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod history = release.pod(Component.HISTORY);
      KubeletStatus.waiting(history, ContainerNames.HISTORY, "CrashLoopBackOff",
          "back-off 2m40s restarting failed container=spark-history pod=" + history.getMetadata().getName());
      KubeletStatus.lastTerminated(history, ContainerNames.HISTORY, 1, "Error", null, 5);
      StringBuilder log = new StringBuilder();
      for (int i = 1; i <= 30; i++) {
        log.append("26/12/03 10:03:").append(i).append(" INFO FsHistoryProvider: line ").append(i).append('\n');
      }
      log.append("Exception in thread \"main\" java.io.FileNotFoundException: No such file or directory: "
          + "s3a://spark-events/logs\n");
      release.previousLogs.put(ReleaseOnMockApi.ref(history, ContainerNames.HISTORY), log.toString());

      DoctorFinding finding = Findings.only(Findings.of(release), CrashLoop.ID, Pods.ref(history),
          ContainerNames.HISTORY);

      assertThat(finding.seen()).isEqualTo("status.containerStatuses[spark-history].state.waiting.reason is "
          + "CrashLoopBackOff after 5 restarts, its last run ended with exit code 1 (Error)");
      assertThat(finding.detail()).hasSize(CrashLoop.LAST_LINES)
          .startsWith("26/12/03 10:03:12 INFO FsHistoryProvider: line 12")
          .endsWith("Exception in thread \"main\" java.io.FileNotFoundException: No such file or directory: "
              + "s3a://spark-events/logs");
      assertThat(finding.fix()).contains("kubectl logs " + history.getMetadata().getName() + " -c spark-history "
          + "--previous");
    }
  }

  @Test
  void anOomKilledContainerThatNowCrashLoopsIsReportedAsOomKilledOnly() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      KubeletStatus.waiting(connect, ContainerNames.CONNECT, "CrashLoopBackOff", "back-off 5m0s");
      KubeletStatus.lastTerminated(connect, ContainerNames.CONNECT, 137, "OOMKilled", null, 7);
      release.previousLogs.put(ReleaseOnMockApi.ref(connect, ContainerNames.CONNECT), "INFO starting\n");

      Findings.only(Findings.of(release), OutOfMemoryKilled.ID, Pods.ref(connect), ContainerNames.CONNECT);
    }
  }

  @Test
  void anExecutorPendingOnCpuNamesTheExecutorsCores() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod executor = release.pod(Component.EXECUTOR);
      String message = "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No "
          + "preemption victims found for incoming pod.";
      executor.setStatus(KubeletStatus.unschedulable(message));

      DoctorFinding finding = Findings.only(Findings.of(release), Unschedulable.ID, Pods.ref(executor), null);

      assertThat(finding.seen()).isEqualTo("Pending: the scheduler reports " + message);
      assertThat(finding.fix()).isEqualTo("lower spark.executor.cores or add nodes with free cpu");
    }
  }

  @Test
  void aPodPendingOnTaintsAndMemoryNamesEachFix() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      connect.setStatus(KubeletStatus.unschedulable("0/3 nodes are available: 1 node(s) had untolerated taint "
          + "{node-role.kubernetes.io/control-plane: }, 2 Insufficient memory. preemption: 0/3 nodes are available: "
          + "1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod."));

      DoctorFinding finding = Findings.only(Findings.of(release), Unschedulable.ID, Pods.ref(connect), null);

      assertThat(finding.fix()).isEqualTo("tolerate the taint node-role.kubernetes.io/control-plane in "
          + "spark.connect.pod.tolerations (pods.tolerations for every pod) or keep the pod off those nodes; "
          + "lower spark.driver.memory or add nodes with free memory");
    }
  }

  @Test
  void aPodPendingWithOnlyTheSchedulersEventIsDiagnosedFromIt() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod history = release.pod(Component.HISTORY);
      history.getStatus().setPhase("Pending");
      history.getStatus().setConditions(List.of());
      history.getStatus().setContainerStatuses(List.of());
      String message = "0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: spark}. preemption: "
          + "0/2 nodes are available: 2 Preemption is not helpful for scheduling.";
      release.events.add(release.event(history, "Warning", "FailedScheduling", message));

      DoctorFinding finding = Findings.only(Findings.of(release), Unschedulable.ID, Pods.ref(history), null);

      assertThat(finding.seen()).isEqualTo("Pending: the scheduler reports " + message);
      assertThat(finding.fix()).startsWith("tolerate the taint dedicated=spark in spark.historyServer.pod.tolerations");
    }
  }

  @Test
  void aHealthyContainerThatRestartedOnceIsNoFinding() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      ContainerStatus status = KubeletStatus.lastTerminated(connect, ContainerNames.CONNECT, 143, "Error", null, 1);
      release.previousLogs.put(ReleaseOnMockApi.ref(connect, status.getName()), "INFO SparkContext: stopped\n");

      assertThat(Findings.of(release)).isEmpty();
    }
  }
}
