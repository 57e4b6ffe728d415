package dev.sparkk8s.cluster.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Assertions on what the doctor finds. */
final class Findings {

  private Findings() {
  }

  /** The doctor's findings on the release as the mock API holds it; everything it reads was read. */
  static List<DoctorFinding> of(ReleaseOnMockApi release) {
    ClusterSnapshot snapshot = release.snapshot();
    assertThat(snapshot.notChecked()).isEmpty();
    return Doctor.standard().examine(snapshot);
  }

  /** Exactly one finding, of this diagnosis, about this resource and container; it has a fix. */
  static DoctorFinding only(List<DoctorFinding> findings, String diagnosis, String resource, String container) {
    assertThat(findings).as(findings.toString()).singleElement()
        .extracting(DoctorFinding::diagnosis, DoctorFinding::resource, DoctorFinding::container)
        .containsExactly(diagnosis, resource, container);
    assertThat(findings.get(0).fix()).isNotBlank();
    return findings.get(0);
  }
}
