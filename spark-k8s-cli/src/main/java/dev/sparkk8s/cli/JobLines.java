package dev.sparkk8s.cli;

import dev.sparkk8s.jobs.model.Job;
import java.io.PrintWriter;

/** A job as one line of {@code jobs list} and {@code jobs status}. */
final class JobLines {

  private static final String FORMAT = "%-32s %-10s %-34s %s%n";

  private JobLines() {
  }

  static void header(PrintWriter out) {
    out.printf(FORMAT, "ID", "STATE", "BACKEND STATE", "DETAIL");
  }

  static void print(PrintWriter out, Job job) {
    out.printf(FORMAT, job.id(), job.status().state(), job.kind().resource() + "/" + job.status().nativeState(),
        job.status().detail());
  }
}
