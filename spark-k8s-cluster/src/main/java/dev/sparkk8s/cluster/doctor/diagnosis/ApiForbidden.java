package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.Refusals;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A request the API server's authorization refused (RBAC), in the driver's log (the Spark driver creating executor
 * pods, their ConfigMap, claims) or in an event about the release. The API server words it as {@code <resource>
 * "<name>" is forbidden: User "<user>" cannot <verb> resource "<resource>" in API group "<group>" in the namespace
 * "<namespace>"} (k8s.io/apiserver's responsewriters).
 */
public final class ApiForbidden implements Diagnosis {

  public static final String ID = "api-forbidden";
  static final Pattern FORBIDDEN = Pattern.compile("is forbidden: (User \"([^\"]+)\" cannot (\\S+) resource "
      + "\"([^\"]+)\" in API group \"[^\"]*\"(?: in the namespace \"[^\"]+\"| at the cluster scope))");
  private static final String SERVICE_ACCOUNT = "system:serviceaccount:";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    Refusals.matching(snapshot, FORBIDDEN).forEach(m -> out.add(new DoctorFinding(ID, m.resource(), m.container(),
        m.source() + " says the API server refused: " + m.match().group(1),
        fix(m.match().group(2), m.match().group(3), m.match().group(4)))));
  }

  private static String fix(String user, String verb, String resource) {
    String allow = "let " + user + " " + verb + " " + resource;
    if (!user.startsWith(SERVICE_ACCOUNT)) {
      return allow + ": a cluster administrator grants it (RBAC; a node's own account only reads what its pods use)";
    }
    return allow + ": the chart's driver Role grants pods, services, configmaps and persistentvolumeclaims in the "
        + "release's namespace to its ServiceAccount when rbac.create and serviceAccount.create are true; with "
        + "rbac.create=false, or an existing serviceAccount.name, bind it a Role that does";
  }
}
