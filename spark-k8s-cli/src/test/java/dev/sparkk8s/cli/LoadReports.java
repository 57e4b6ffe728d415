package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/** Reading and checking what {@code spark-k8s load} wrote. */
final class LoadReports {

  private LoadReports() {
  }

  static JsonNode json(Path reportDir) throws IOException {
    return new ObjectMapper().readTree(reportDir.resolve("report.json").toFile());
  }

  /** The report's fields are there and agree with each other. */
  static void assertConsistent(JsonNode report) {
    for (String field : new String[] {"queries", "failed", "successRate", "throughputQps", "latencyMs", "perQueryType",
        "criteria", "scenario", "server", "start", "end", "samples"}) {
      assertThat(report.has(field)).as("report.json has " + field).isTrue();
    }
    for (String p : new String[] {"p50", "p95", "p99", "max"}) {
      assertThat(report.at("/latencyMs/" + p).isNumber()).as("latencyMs." + p).isTrue();
    }
    assertThat(report.path("samples").size()).isEqualTo(report.path("queries").asInt());
    int failedSamples = 0;
    for (JsonNode s : report.path("samples")) {
      failedSamples += s.path("ok").asBoolean() ? 0 : 1;
    }
    assertThat(report.path("failed").asInt()).as("failed = samples not ok").isEqualTo(failedSamples);
  }

  static boolean criterionPassed(JsonNode report, String name) {
    for (JsonNode c : report.path("criteria")) {
      if (c.path("name").asText().equals(name)) {
        return c.path("passed").asBoolean();
      }
    }
    throw new AssertionError("no criterion " + name + " in " + report.path("criteria"));
  }
}
