package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.cluster.doctor.diagnosis.ApiForbidden;
import dev.sparkk8s.cluster.doctor.diagnosis.PodSecurityRejection;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import org.junit.jupiter.api.Test;

/**
 * Requests the API server refused, as the driver's log (fabric8's exception, which Spark logs) and controllers' and
 * kubelets' events word them, each added alone to a healthy release.
 */
class ApiRefusalsDoctorTest {

  private static final String DRIVER_ACCOUNT = "system:serviceaccount:spark:spark-spark-k8s";

  @Test
  void theDriverRefusedCreatingItsExecutorConfigMap() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      String refusal = "User \"" + DRIVER_ACCOUNT + "\" cannot create resource \"configmaps\" in API group \"\" in the "
          + "namespace \"spark\"";
      appendLog(release, connect, "26/12/03 10:00:31 ERROR SparkContext: Error initializing SparkContext.\n"
          + "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: "
          + "https://kubernetes.default.svc/api/v1/namespaces/spark/configmaps. Message: Forbidden!Configured service "
          + "account doesn't have access. Service account may have been revoked. configmaps is forbidden: " + refusal
          + ".\n");

      DoctorFinding finding = Findings.only(Findings.of(release), ApiForbidden.ID, Pods.ref(connect),
          ContainerNames.CONNECT);

      assertThat(finding.seen()).isEqualTo("the driver's log says the API server refused: " + refusal);
      assertThat(finding.fix()).startsWith("let " + DRIVER_ACCOUNT + " create configmaps: the chart's driver Role")
          .contains("rbac.create", "serviceAccount.create", "serviceAccount.name");
    }
  }

  @Test
  void aRefusedDriverIsNotReportedAgainForHavingNoExecutors() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      appendLog(release, connect, "26/12/03 10:01:02 WARN ExecutorPodsAllocator: Failed to request executors "
          + "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: "
          + "https://kubernetes.default.svc/api/v1/namespaces/spark/pods. Message: pods \"spark-spark-k8s-exec-1\" is "
          + "forbidden: User \"" + DRIVER_ACCOUNT + "\" cannot create resource \"pods\" in API group \"\" in the "
          + "namespace \"spark\". Received status: Status(apiVersion=v1, code=403, reason=Forbidden).\n");
      release.connectExecutors = ReleaseOnMockApi.executors(0);

      Findings.only(Findings.of(release), ApiForbidden.ID, Pods.ref(connect), ContainerNames.CONNECT);
    }
  }

  @Test
  void aKubeletRefusedASecretNamesTheAccountWithoutTheChartsRole() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod history = release.pod(Component.HISTORY);
      String refusal = "User \"system:node:node-1\" cannot get resource \"secrets\" in API group \"\" in the namespace "
          + "\"spark\"";
      release.events.add(release.event(history, "Warning", "FailedMount", "MountVolume.SetUp failed for volume "
          + "\"s3-keys\" : secrets \"minio-credentials\" is forbidden: " + refusal + ": no relationship found between "
          + "node 'node-1' and this object"));

      DoctorFinding finding = Findings.only(Findings.of(release), ApiForbidden.ID, Pods.ref(history), null);

      assertThat(finding.seen()).isEqualTo("event FailedMount says the API server refused: " + refusal);
      assertThat(finding.fix()).startsWith("let system:node:node-1 get secrets: a cluster administrator grants it");
    }
  }

  @Test
  void podSecurityAdmissionRefusedAControllersPod() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      ReplicaSet replicaSet = release.object(ReplicaSet.class, Component.HISTORY);
      String violation = "violates PodSecurity \"restricted:latest\": seccompProfile (pod or container "
          + "\"spark-history\" must set securityContext.seccompProfile.type to \"RuntimeDefault\" or \"Localhost\")";
      release.events.add(release.event(replicaSet, "Warning", "FailedCreate", "Error creating: pods \""
          + replicaSet.getMetadata().getName() + "-q7w2z\" is forbidden: " + violation));

      DoctorFinding finding = Findings.only(Findings.of(release), PodSecurityRejection.ID,
          "ReplicaSet/" + replicaSet.getMetadata().getName(), null);

      assertThat(finding.seen()).isEqualTo("event FailedCreate says a pod was refused: it " + violation);
      assertThat(finding.fix()).contains("spark-k8s lint", "security.profile");
    }
  }

  @Test
  void podSecurityAdmissionRefusedTheDriversExecutorPods() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Pod connect = release.pod(Component.CONNECT);
      String violation = "violates PodSecurity \"restricted:latest\": runAsNonRoot != true (pod or container "
          + "\"spark-executor\" must set securityContext.runAsNonRoot=true)";
      String line = "26/12/03 10:01:02 WARN ExecutorPodsAllocator: Failed to request executors "
          + "io.fabric8.kubernetes.client.KubernetesClientException: Failure executing: POST at: "
          + "https://kubernetes.default.svc/api/v1/namespaces/spark/pods. Message: pods \"spark-spark-k8s-exec-%d\" is "
          + "forbidden: " + violation + ". Received status: Status(apiVersion=v1, code=403, reason=Forbidden).\n";
      appendLog(release, connect, String.format(line, 3) + String.format(line, 4));

      DoctorFinding finding = Findings.only(Findings.of(release), PodSecurityRejection.ID, Pods.ref(connect),
          ContainerNames.CONNECT);

      assertThat(finding.seen()).isEqualTo("the driver's log says a pod was refused: it " + violation);
    }
  }

  private static void appendLog(ReleaseOnMockApi release, Pod pod, String lines) {
    release.logs.merge(ReleaseOnMockApi.ref(pod, ContainerNames.CONNECT), lines, String::concat);
  }
}
