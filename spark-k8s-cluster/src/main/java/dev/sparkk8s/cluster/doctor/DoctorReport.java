package dev.sparkk8s.cluster.doctor;

import java.util.List;

/** What the doctor found in one release, and what it could not read. */
public record DoctorReport(String release, String namespace, List<DoctorFinding> findings, List<String> notChecked) {

  public DoctorReport {
    findings = List.copyOf(findings);
    notChecked = List.copyOf(notChecked);
  }

  /** Reads the release's state through the client and runs every diagnosis over it. */
  public static DoctorReport of(SnapshotReader reader, String namespace, String release) {
    ClusterSnapshot snapshot = reader.read(namespace, release);
    return new DoctorReport(release, namespace, Doctor.standard().examine(snapshot), snapshot.notChecked());
  }
}
