package dev.sparkk8s.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparkk8s.cluster.lifecycle.ReleaseStatus;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** {@code status} of a release on a cluster, as text or JSON. */
final class ReleaseStatusOutput {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReleaseStatusOutput() {
  }

  static void print(ReleaseStatus status, DoctorOutput.Format format, PrintWriter out) {
    if (format == DoctorOutput.Format.json) {
      try {
        out.println(JSON.writeValueAsString(status));
      } catch (JsonProcessingException e) {
        throw new UncheckedIOException(e);
      }
      return;
    }
    out.println("release " + status.release() + " in namespace " + status.namespace() + ": " + status.chart()
        + ", revision " + status.revision() + ", " + status.state());
    out.println("values given: " + (status.userValues().isEmpty() ? "none"
        : "\n  " + String.join("\n  ", status.userValues().lines().toList())));
    out.printf("%-12s %-48s %-10s %-6s %s%n", "COMPONENT", "POD", "PHASE", "READY", "RESTARTS");
    status.pods().forEach(p -> out.printf("%-12s %-48s %-10s %-6s %d%n", p.component(), p.name(), p.phase(),
        p.ready() ? "yes" : "no", p.restarts()));
    if (!status.connectUrl().isEmpty()) {
      out.println("Spark Connect (in the cluster): " + status.connectUrl());
    }
  }
}
