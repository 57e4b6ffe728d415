package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import java.util.List;

/** One common failure, recognised in a release's cluster state. */
public interface Diagnosis {

  /** Adds a finding for every occurrence in the snapshot to {@code out}. */
  void examine(ClusterSnapshot snapshot, List<DoctorFinding> out);
}
