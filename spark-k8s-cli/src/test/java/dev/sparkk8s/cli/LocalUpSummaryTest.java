package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.local.LocalState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalUpSummaryTest {

  @TempDir
  Path runDir;

  @Test
  void everyEndpointThePlatformStartedHasItsLine() {
    assertThat(summary(state("http://127.0.0.1:18080"))).contains("  Spark Connect:  sc://127.0.0.1:15002",
        "  Master:         spark://127.0.0.1:7077  (UI http://127.0.0.1:8080)", "  History Server: http://127.0.0.1:18080",
        "Stop it with: spark-k8s down --local");
  }

  @Test
  void aPlatformWithoutItsHistoryServerPrintsNoHistoryServerLine() {
    assertThat(summary(state(null))).doesNotContain("History Server").doesNotContain("null")
        .contains("  Master:         spark://127.0.0.1:7077");
  }

  private String summary(LocalState state) {
    StringWriter text = new StringWriter();
    LocalUpSummary.print(new PrintWriter(text, true), state, "spark-k8s down --local");
    return text.toString();
  }

  private LocalState state(String historyUrl) {
    return new LocalState("4.1", runDir, Instant.now(), "sc://127.0.0.1:15002", "spark://127.0.0.1:7077",
        "http://127.0.0.1:8080", historyUrl, List.of(), runDir, null, null, null);
  }
}
