package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.local.LocalState;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code spark-k8s load} against {@code up --local} (the standalone backend) on Spark 3.5 and 4.1. */
class LoadLocalIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void mixedRunIsGreenAnImpossibleCriterionFailsAndALostWorkerIsCounted(String version, @TempDir Path runDir,
      @TempDir Path data, @TempDir Path reports) throws Exception {
    // Two workers (one executor each), so that losing one leaves the other to retry its tasks on.
    Cli.Result up = Cli.run("up", "--local", "--spark", version, "--workers", "2", "--run-dir", runDir.toString());
    try {
      assertThat(up.exitCode()).as(up.toString()).isZero();
      String url = LocalState.read(runDir).orElseThrow().connectUrl();

      Path green = reports.resolve("green");
      Cli.Result mixed = Cli.run("load", "--connect", url, "--scenario", "mixed", "--sessions", "2", "--duration", "20s",
          "--scale", "0.2", "--data", data.toString(), "--report", green.toString());
      assertThat(mixed.exitCode()).as(mixed.toString()).isZero();
      assertThat(mixed.out()).contains("queries, 0 failed", "report: ");
      JsonNode report = LoadReports.json(green);
      LoadReports.assertConsistent(report);
      assertThat(report.path("failed").asInt()).isZero();
      assertThat(report.path("queries").asInt()).isGreaterThan(2);
      assertThat(report.at("/server/sparkVersion").asText()).startsWith(version + ".");
      assertThat(report.at("/server/backend").asText()).isEqualTo("standalone");
      assertThat(report.path("perQueryType").size()).isGreaterThan(1);
      HeadlessChromium.assertReportRenders(green.resolve("report.html"));

      if (version.equals("4.1")) {
        impossibleCriterionFails(url, data, reports.resolve("red"));
        lostWorkerIsRetriedOrCounted(runDir, url, data, reports.resolve("lost-worker"));
      }
    } finally {
      Cli.run("down", "--local", "--run-dir", runDir.toString());
    }
  }

  private static void impossibleCriterionFails(String url, Path data, Path report) throws Exception {
    Cli.Result red = Cli.run("load", "--connect", url, "--scenario", "smoke", "--iterations", "2", "--max-p95", "1ms",
        "--data", data.toString(), "--report", report.toString());
    assertThat(red.exitCode()).as(red.toString()).isEqualTo(1);
    assertThat(red.err()).contains("criterion failed: latencyP95 <= 1ms");
    JsonNode json = LoadReports.json(report);
    assertThat(LoadReports.criterionPassed(json, "latencyP95")).isFalse();
    assertThat(LoadReports.criterionPassed(json, "successRate")).isTrue();
    assertThat(json.path("green").asBoolean()).isFalse();
  }

  /** A worker killed mid-run: either Spark retries and every answer is right, or the failures are counted and shown. */
  private static void lostWorkerIsRetriedOrCounted(Path runDir, String url, Path data, Path report) throws Exception {
    CompletableFuture<Cli.Result> run = CompletableFuture.supplyAsync(() -> Cli.run("load", "--connect", url,
        "--scenario", "mixed", "--sessions", "2", "--duration", "30s", "--scale", "0.2", "--data", data.toString(),
        "--report", report.toString()));
    Thread.sleep(10_000);
    ProcessHandle worker = LocalState.read(runDir).orElseThrow().processes().stream()
        .filter(p -> p.name().equals("worker-1")).findFirst().orElseThrow().handle().orElseThrow();
    worker.descendants().forEach(ProcessHandle::destroyForcibly);
    worker.destroyForcibly();
    Cli.Result result = run.get();
    JsonNode json = LoadReports.json(report);
    LoadReports.assertConsistent(json);
    if (result.exitCode() == 0) {
      assertThat(json.path("failed").asInt()).isZero();
    } else {
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
      assertThat(json.path("failed").asInt()).isPositive();
      assertThat(java.nio.file.Files.readString(report.resolve("report.html"))).contains("id=\"failures\"");
    }
    assertThat(json.path("queries").asInt()).isPositive();
  }
}
