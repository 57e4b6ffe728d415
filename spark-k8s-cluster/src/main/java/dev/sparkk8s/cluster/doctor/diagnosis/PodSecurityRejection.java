package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Refusals;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A pod that Pod Security admission refused to create: the pod never exists, so its controller's event
 * ({@code FailedCreate} on a ReplicaSet or StatefulSet) or the driver's log (executor pods) says it, as the admission
 * plugin words it: {@code pods "<name>" is forbidden: violates PodSecurity "restricted:latest": <checks>}.
 */
public final class PodSecurityRejection implements Diagnosis {

  public static final String ID = "pod-security";
  static final Pattern VIOLATES = Pattern.compile("violates PodSecurity \"[^\"]+\": .*?(?=\\. Received status:|$)");
  private static final String FIX = "the chart's pods meet Pod Security restricted (security.profile restricted; "
      + "openshift on OpenShift): run spark-k8s lint with the release's values, which names the value that breaks it";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    Refusals.matching(snapshot, VIOLATES).forEach(m -> out.add(new DoctorFinding(ID, m.resource(), m.container(),
        m.source() + " says a pod was refused: it " + m.match().group(), FIX)));
  }
}
