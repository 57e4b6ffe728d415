package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.render.contract.Component;
import java.util.List;

/**
 * The release has a Connect server (its spark-defaults ConfigMap, so a Deployment: the kubernetes and standalone
 * backends) but no pod of it, and no controller event says why ({@link PodNotCreated}, {@link PodSecurityRejection}
 * and {@link ApiForbidden} report those). Every other diagnosis of the Connect server reads its pod, so without this
 * one the doctor would say nothing.
 */
public final class NoConnectServerPod implements Diagnosis {

  public static final String ID = "no-connect-pod";
  private static final String APP_NAME = "spark.app.name";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    String deployment = snapshot.connectConf().get(APP_NAME);
    if (deployment == null || !snapshot.pods(Component.CONNECT).isEmpty() || controllerSaidWhy(snapshot, deployment)) {
      return;
    }
    out.add(new DoctorFinding(ID, "Deployment/" + deployment, null,
        "the release's Connect server has no pod, and no event of its ReplicaSet says why",
        "kubectl describe deployment " + deployment + " -n " + snapshot.namespace() + " shows its replicas and "
            + "rollout: scaled to 0, paused, or deleted by hand (helm upgrade restores it)"));
  }

  private static boolean controllerSaidWhy(ClusterSnapshot snapshot, String deployment) {
    return snapshot.events().stream().anyMatch(e -> PodNotCreated.REASON.equals(e.getReason())
        && e.getInvolvedObject().getName().startsWith(deployment + "-"));
  }
}
