package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.cluster.doctor.diagnosis.NoConnectServerPod;
import dev.sparkk8s.cluster.doctor.diagnosis.PodNotCreated;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;

/**
 * Pods their controllers could not create, and a Connect server without a pod, each made alone in a healthy release:
 * the pod is gone, and the controller's event (as kube-controller-manager words it) says why, or nothing does.
 */
class ControllerFailuresDoctorTest {

  @Test
  void aResourceQuotaWithoutRoomForTheConnectServer() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      ReplicaSet replicaSet = release.object(ReplicaSet.class, Component.CONNECT);
      String message = "Error creating: pods \"" + replicaSet.getMetadata().getName() + "-q7w2z\" is forbidden: "
          + "exceeded quota: compute, requested: limits.memory=1408Mi, used: limits.memory=3Gi, limited: "
          + "limits.memory=4Gi";
      withoutItsPods(release, Component.CONNECT, replicaSet, message);

      DoctorFinding finding = Findings.only(Findings.of(release), PodNotCreated.ID,
          "ReplicaSet/" + replicaSet.getMetadata().getName(), null);

      assertThat(finding.seen()).isEqualTo("event FailedCreate says it cannot create its pod: " + message);
      assertThat(finding.fix()).contains("ResourceQuota", "kubectl describe resourcequota -n spark", "spark.driver.memory");
    }
  }

  @Test
  void aServiceAccountThatDoesNotExist() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      ReplicaSet replicaSet = release.object(ReplicaSet.class, Component.HISTORY);
      withoutItsPods(release, Component.HISTORY, replicaSet, "Error creating: pods \""
          + replicaSet.getMetadata().getName() + "-q7w2z\" is forbidden: error looking up service account "
          + "spark/spark-spark-k8s: serviceaccount \"spark-spark-k8s\" not found");

      DoctorFinding finding = Findings.only(Findings.of(release), PodNotCreated.ID,
          "ReplicaSet/" + replicaSet.getMetadata().getName(), null);

      assertThat(finding.fix()).contains("serviceAccount.create=true", "serviceAccount.name");
    }
  }

  @Test
  void aLimitRangeThatRefusesAWorkersLimits() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      StatefulSet workers = release.object(StatefulSet.class, Component.WORKER);
      withoutItsPods(release, Component.WORKER, workers, "create Pod " + workers.getMetadata().getName()
          + "-0 in StatefulSet " + workers.getMetadata().getName() + " failed error: pods \""
          + workers.getMetadata().getName() + "-0\" is forbidden: maximum memory usage per Container is 1Gi, but "
          + "limit is 2432Mi");

      DoctorFinding finding = Findings.only(Findings.of(release), PodNotCreated.ID,
          "StatefulSet/" + workers.getMetadata().getName(), null);

      assertThat(finding.fix()).contains("LimitRange", "kubectl describe limitrange -n spark");
    }
  }

  @Test
  void aConnectServerWithoutAPodAndNoEventSayingWhy() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      release.pods.removeIf(Component.CONNECT::labels);

      DoctorFinding finding = Findings.only(Findings.of(release), NoConnectServerPod.ID,
          "Deployment/spark-spark-k8s-connect", null);

      assertThat(finding.seen()).isEqualTo("the release's Connect server has no pod, and no event of its ReplicaSet "
          + "says why");
      assertThat(finding.fix()).contains("kubectl describe deployment spark-spark-k8s-connect -n spark", "helm upgrade");
    }
  }

  @Test
  void aStandaloneConnectServerWithoutAPodToo() {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.standaloneBackend()) {
      release.pods.removeIf(Component.CONNECT::labels);

      Findings.only(Findings.of(release), NoConnectServerPod.ID, "Deployment/spark-spark-k8s-connect", null);
    }
  }

  private static void withoutItsPods(ReleaseOnMockApi release, Component component, HasMetadata controller,
      String message) {
    release.pods.removeIf(component::labels);
    release.events.add(release.event(controller, "Warning", PodNotCreated.REASON, message));
  }
}
