package dev.sparkk8s.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.DoctorReport;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** Prints a doctor's report: a line per finding (its detail indented below) and a summary, or the report as JSON. */
final class DoctorOutput {

  /** Named as the option's values are typed. */
  enum Format { text, json }

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  private static final String DETAIL_INDENT = "    ";

  private DoctorOutput() {
  }

  static void print(DoctorReport report, Format format, PrintWriter out) {
    if (format == Format.json) {
      try {
        out.println(JSON.writeValueAsString(report));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
    } else {
      for (DoctorFinding finding : report.findings()) {
        out.println(finding.describe());
        finding.detail().forEach(line -> out.println(DETAIL_INDENT + line));
      }
      report.notChecked().forEach(what -> out.println("not checked: " + what));
      String release = "release " + report.release() + " in namespace " + report.namespace();
      int n = report.findings().size();
      out.println(n == 0 ? "doctor: nothing wrong found in " + release
          : "doctor: " + n + " finding" + (n == 1 ? "" : "s") + " in " + release);
    }
    out.flush();
  }
}
