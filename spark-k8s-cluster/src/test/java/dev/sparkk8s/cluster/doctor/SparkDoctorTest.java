package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.cluster.doctor.diagnosis.EventLogDirNotCreated;
import dev.sparkk8s.cluster.doctor.diagnosis.HistoryWithoutEventLogs;
import dev.sparkk8s.cluster.doctor.diagnosis.NoExecutorsRegistered;
import dev.sparkk8s.cluster.doctor.diagnosis.WorkerCannotReachMaster;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Spark's own failures (executors, workers, event logs), each changed alone in a healthy release. */
class SparkDoctorTest {

  private static final String MASTER = ReleaseOnMockApi.FULLNAME + "-master:7077";

  @Test
  void aReadyConnectServerWithoutExecutors() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      release.connectExecutors = ReleaseOnMockApi.executors(0);

      DoctorFinding finding = Findings.only(Findings.of(release), NoExecutorsRegistered.ID,
          Pods.ref(release.pod(Component.CONNECT)), ContainerNames.CONNECT);

      assertThat(finding.seen()).isEqualTo("the server is ready but its UI lists no executor (2 expected)");
      assertThat(finding.fix()).startsWith("the driver creates executor pods (kubectl get pods -l "
          + "spark-role=executor,app.kubernetes.io/instance=spark)");
    }
  }

  @Test
  void anIdleServerWithDynamicAllocationDownToZeroIsHealthy() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend("spark.executor.instances=min:0 max:4")) {
      release.connectExecutors = ReleaseOnMockApi.executors(0);

      assertThat(Findings.of(release)).isEmpty();
    }
  }

  @Test
  void aStandaloneServerWithoutExecutorsPointsAtTheWorkers() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      release.connectExecutors = ReleaseOnMockApi.executors(0);

      DoctorFinding finding = Findings.only(Findings.of(release), NoExecutorsRegistered.ID,
          Pods.ref(release.pod(Component.CONNECT)), ContainerNames.CONNECT);

      assertThat(finding.fix()).startsWith("the Standalone workers must be registered with the master at spark://");
    }
  }

  @Test
  void aWorkerThatCannotReachTheMaster() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      Pod worker = release.pod(Component.WORKER);
      String failure = "26/12/03 10:01:40 WARN Worker: Failed to connect to master " + MASTER;
      release.logs.put(ReleaseOnMockApi.ref(worker, ContainerNames.WORKER), "26/12/03 10:01:20 INFO Worker: "
          + "Connecting to master " + MASTER + "...\n" + failure + "\norg.apache.spark.SparkException: Exception thrown "
          + "in awaitResult:\nCaused by: java.io.IOException: Failed to connect to " + ReleaseOnMockApi.FULLNAME
          + "-master/10.96.0.12:7077\n26/12/03 10:01:56 INFO Worker: Retrying connection to master (attempt # 1)\n");

      DoctorFinding finding = Findings.only(Findings.of(release), WorkerCannotReachMaster.ID, Pods.ref(worker),
          ContainerNames.WORKER);

      assertThat(finding.seen()).isEqualTo("its log's last word on the master is: " + failure);
      assertThat(finding.fix()).contains("spark.standalone.master.port", "networkPolicy.enabled",
          "security.authenticate.enabled");
    }
  }

  @Test
  void aWorkerThatGaveUpOnTheMasterIsReportedAsThatNotAsACrashLoop() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      Pod worker = release.pod(Component.WORKER);
      KubeletStatus.waiting(worker, ContainerNames.WORKER, "CrashLoopBackOff", "back-off 1m20s");
      KubeletStatus.lastTerminated(worker, ContainerNames.WORKER, 1, "Error", null, 4);
      release.previousLogs.put(ReleaseOnMockApi.ref(worker, ContainerNames.WORKER),
          "26/12/03 10:03:00 ERROR Worker: All masters are unresponsive! Giving up.\n");
      release.logs.remove(ReleaseOnMockApi.ref(worker, ContainerNames.WORKER));

      DoctorFinding finding = Findings.only(Findings.of(release), WorkerCannotReachMaster.ID, Pods.ref(worker),
          ContainerNames.WORKER);

      assertThat(finding.seen()).endsWith("ERROR Worker: All masters are unresponsive! Giving up.");
    }
  }

  @Test
  void aWorkerRegisteredAgainAfterAFailureIsHealthy() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      Pod worker = release.pod(Component.WORKER);
      release.logs.put(ReleaseOnMockApi.ref(worker, ContainerNames.WORKER), "26/12/03 10:01:40 WARN Worker: Failed "
          + "to connect to master " + MASTER + "\n26/12/03 10:02:10 INFO Worker: Successfully registered with master "
          + "spark://" + MASTER + "\n");

      assertThat(Findings.of(release)).isEmpty();
    }
  }

  @Test
  void aHistoryServerThatListsNoApplication() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      release.historyApplications = "[]";

      DoctorFinding finding = Findings.only(Findings.of(release), HistoryWithoutEventLogs.ID,
          Pods.ref(release.pod(Component.HISTORY)), ContainerNames.HISTORY);

      assertThat(finding.seen()).isEqualTo("the History Server lists no application in s3a://spark-events/logs");
      assertThat(finding.fix()).contains("spark.eventLog.dir", "spark.eventLog.existingClaim",
          "spark.eventLog.rolling.maxFileSize");
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "Forbidden (Service: S3, Status Code: 403, Request ID: 18A2B3C4D5E6F7A8)"
          + "|S3 refused the keys: fix them in the Secret spark.s3.credentials.secretName",
      "The specified bucket does not exist (Service: S3, Status Code: 404, Request ID: 18A2B3C4D5E6F7A9)"
          + "|create the bucket",
      "Connection refused|spark.s3.endpoint must answer from the pods"})
  void theEventLogPrefixThatCannotBeCreatedOnS3(String answer, String fix) {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod history = release.pod(Component.HISTORY);
      String line = "S3 at http://minio.minio.svc:9000, bucket spark-events: cannot create the event-log directory "
          + "s3a://spark-events/logs: " + answer;
      String log = "mkdir: s3a://spark-events/logs: " + answer + "\n" + line + "\n";
      history.getStatus().setPhase("Pending");
      KubeletStatus.waiting(history, ContainerNames.CREATE_EVENT_LOG_DIR, "CrashLoopBackOff", "back-off 40s");
      KubeletStatus.lastTerminated(history, ContainerNames.CREATE_EVENT_LOG_DIR, 1, "Error", log, 3);
      KubeletStatus.waiting(history, ContainerNames.HISTORY, "PodInitializing", null);
      release.previousLogs.put(ReleaseOnMockApi.ref(history, ContainerNames.CREATE_EVENT_LOG_DIR), log);

      DoctorFinding finding = Findings.only(Findings.of(release), EventLogDirNotCreated.ID, Pods.ref(history),
          ContainerNames.CREATE_EVENT_LOG_DIR);

      assertThat(finding.seen()).isEqualTo("it cannot create the event-log directory (exit code 1): " + line);
      assertThat(finding.fix()).startsWith(fix);
    }
  }
}
