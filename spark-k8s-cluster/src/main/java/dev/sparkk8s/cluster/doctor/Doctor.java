package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.cluster.doctor.diagnosis.ApiForbidden;
import dev.sparkk8s.cluster.doctor.diagnosis.CrashLoop;
import dev.sparkk8s.cluster.doctor.diagnosis.Diagnosis;
import dev.sparkk8s.cluster.doctor.diagnosis.EventLogDirNotCreated;
import dev.sparkk8s.cluster.doctor.diagnosis.HistoryWithoutEventLogs;
import dev.sparkk8s.cluster.doctor.diagnosis.ImagePullFailure;
import dev.sparkk8s.cluster.doctor.diagnosis.NoConnectServerPod;
import dev.sparkk8s.cluster.doctor.diagnosis.NoExecutorsRegistered;
import dev.sparkk8s.cluster.doctor.diagnosis.OutOfMemoryKilled;
import dev.sparkk8s.cluster.doctor.diagnosis.PodNotCreated;
import dev.sparkk8s.cluster.doctor.diagnosis.PodSecurityRejection;
import dev.sparkk8s.cluster.doctor.diagnosis.Unschedulable;
import dev.sparkk8s.cluster.doctor.diagnosis.WorkerCannotReachMaster;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Runs every diagnosis over one snapshot of a release's cluster state. A container gets the findings of the first
 * diagnosis that explains it, most specific first: an OOMKilled container that now crash-loops is reported as
 * OOMKilled, a server refused by the API server as that, not again as "no executors".
 */
public final class Doctor {

  private final List<Diagnosis> diagnoses;

  public Doctor(List<Diagnosis> diagnoses) {
    this.diagnoses = List.copyOf(diagnoses);
  }

  /** Every diagnosis, most specific first. */
  public static Doctor standard() {
    return new Doctor(List.of(new EventLogDirNotCreated(), new OutOfMemoryKilled(), new ImagePullFailure(),
        new ApiForbidden(), new PodSecurityRejection(), new WorkerCannotReachMaster(), new Unschedulable(),
        new CrashLoop(), new NoExecutorsRegistered(), new HistoryWithoutEventLogs(), new PodNotCreated(),
        new NoConnectServerPod()));
  }

  public List<DoctorFinding> examine(ClusterSnapshot snapshot) {
    List<DoctorFinding> findings = new ArrayList<>();
    Map<String, String> explainedBy = new HashMap<>();
    for (Diagnosis diagnosis : diagnoses) {
      List<DoctorFinding> found = new ArrayList<>();
      diagnosis.examine(snapshot, found);
      for (DoctorFinding finding : found.stream().distinct().toList()) {
        String where = finding.resource() + "/" + finding.container();
        String earlier = explainedBy.putIfAbsent(where, finding.diagnosis());
        if (earlier == null || Objects.equals(earlier, finding.diagnosis())) {
          findings.add(finding);
        }
      }
    }
    return findings;
  }
}
