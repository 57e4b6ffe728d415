package dev.sparkk8s.cluster.doctor;

import java.util.List;

/**
 * One problem the doctor found in a release's cluster state.
 *
 * @param diagnosis stable id of the diagnosis that found it, e.g. {@code image-pull}
 * @param resource  {@code Kind/name} of the object it is about
 * @param container the container, or {@code null} when it is about the object
 * @param seen      what was seen, with the field or log it was read from
 * @param fix       what to change, naming a chart value where one exists
 * @param detail    lines that show it (a log's last lines), printed below it; often none
 */
public record DoctorFinding(String diagnosis, String resource, String container, String seen, String fix,
    List<String> detail) {

  public DoctorFinding {
    detail = List.copyOf(detail);
  }

  public DoctorFinding(String diagnosis, String resource, String container, String seen, String fix) {
    this(diagnosis, resource, container, seen, fix, List.of());
  }

  /** One line a person reads in a terminal. */
  public String describe() {
    String where = container == null ? resource : resource + " container " + container;
    return diagnosis + ": " + where + ": " + seen + ". Fix: " + fix;
  }
}
