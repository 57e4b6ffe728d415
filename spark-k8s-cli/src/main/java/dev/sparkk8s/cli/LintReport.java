package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.HelmLintResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the outcome of a lint: helm lint's warnings and errors, the policy findings grouped by
 * resource, and one summary line; returns the exit code.
 */
final class LintReport {

  private LintReport() {
  }

  static int print(HelmLintResult helmLint, int objectCount, List<Finding> findings, PrintWriter out) {
    for (String message : helmLint.messages()) {
      if (!message.startsWith("[INFO]")) {
        out.println("helm lint: " + message);
      }
    }
    Map<String, List<Finding>> byResource = new TreeMap<>();
    for (Finding finding : findings) {
      byResource.computeIfAbsent(String.valueOf(finding.resource()), r -> new ArrayList<>()).add(finding);
    }
    for (Map.Entry<String, List<Finding>> group : byResource.entrySet()) {
      out.println(group.getKey());
      for (Finding finding : group.getValue()) {
        out.println("  " + finding.describe());
      }
    }
    List<String> problems = new ArrayList<>();
    if (!findings.isEmpty()) {
      problems.add(count(findings.size(), "finding") + " in " + count(byResource.size(), "object"));
    }
    if (!helmLint.passed()) {
      List<String> counts = new ArrayList<>();
      if (!helmLint.errors().isEmpty()) {
        counts.add(count(helmLint.errors().size(), "error"));
      }
      if (!helmLint.warnings().isEmpty()) {
        counts.add(count(helmLint.warnings().size(), "warning"));
      }
      problems.add("helm lint failed" + (counts.isEmpty() ? "" : " (" + String.join(", ", counts) + ")"));
    }
    if (problems.isEmpty()) {
      out.println("lint: passed (" + count(objectCount, "object") + " checked, no findings)");
      out.flush();
      return ExitCode.OK.status();
    }
    out.println("lint: " + String.join("; ", problems) + " (" + count(objectCount, "object")
        + " checked)");
    out.flush();
    return ExitCode.CHECK_FAILED.status();
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
