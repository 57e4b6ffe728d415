package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import io.fabric8.kubernetes.api.model.Event;
import java.util.List;
import java.util.Locale;

/**
 * A controller (a ReplicaSet, a StatefulSet) that cannot create its pod, for a reason other than Pod Security
 * ({@link PodSecurityRejection}) or RBAC ({@link ApiForbidden}): its {@code FailedCreate} event, e.g. {@code Error
 * creating: pods "x" is forbidden: exceeded quota: compute, requested: limits.memory=2Gi, ...}. The pod never exists,
 * so nothing else in the release shows it.
 */
public final class PodNotCreated implements Diagnosis {

  public static final String ID = "pod-not-created";
  public static final String REASON = "FailedCreate";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    for (Event event : snapshot.events()) {
      String message = event.getMessage();
      if (!REASON.equals(event.getReason()) || message == null || explainedElsewhere(message)) {
        continue;
      }
      String resource = event.getInvolvedObject().getKind() + "/" + event.getInvolvedObject().getName();
      out.add(new DoctorFinding(ID, resource, null, "event " + REASON + " says it cannot create its pod: " + message,
          fix(message, resource, snapshot.namespace())));
    }
  }

  static boolean explainedElsewhere(String message) {
    return PodSecurityRejection.VIOLATES.matcher(message).find() || ApiForbidden.FORBIDDEN.matcher(message).find();
  }

  private static String fix(String message, String resource, String namespace) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains("exceeded quota")) {
      return "the namespace's ResourceQuota has no room for the pod (kubectl describe resourcequota -n " + namespace
          + "): raise it, or lower what the pod asks (spark.driver.memory and cores, spark.executor.memory and cores, "
          + "spark.standalone.worker.*, the pods' resources)";
    }
    if (m.contains("limitrange") || m.contains("usage per container") || m.contains("usage per pod")) {
      return "a LimitRange of the namespace refuses the pod's requests or limits (kubectl describe limitrange -n "
          + namespace + "): size the pod within it (spark.driver.*, spark.executor.*, memoryOverheadFactor)";
    }
    if (m.contains("serviceaccount") || m.contains("service account")) {
      return "the pod's ServiceAccount does not exist: serviceAccount.create=true, or serviceAccount.name of one that "
          + "exists in " + namespace;
    }
    return "what the message names stops the controller (kubectl describe " + resource.toLowerCase(Locale.ROOT)
        + " -n " + namespace + "): an admission webhook or policy of the cluster refuses the pod as the chart renders "
        + "it";
  }
}
