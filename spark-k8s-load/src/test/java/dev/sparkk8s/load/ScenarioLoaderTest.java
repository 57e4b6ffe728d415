package dev.sparkk8s.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ScenarioLoaderTest {

  private static final String VALID = """
      name: custom
      data: {rowsPerScale: 5000, customers: 50}
      mix: {scan: 2, join: 1}
      run: {sessions: 3, duration: 20s}
      criteria: {minSuccessRate: 0.95, maxP95: 2s}
      """;

  @ParameterizedTest
  @ValueSource(strings = {"smoke", "mixed", "heavy"})
  void builtInScenariosLoad(String name) {
    Scenario s = ScenarioLoader.load(name);
    assertThat(s.name()).isEqualTo(name);
    assertThat(s.weights()).isNotEmpty();
    assertThat(s.rowsPerScale()).isPositive();
  }

  @Test
  void aFileDefinesANewScenario(@TempDir Path dir) throws IOException {
    Scenario s = ScenarioLoader.load(Files.writeString(dir.resolve("s.yaml"), VALID).toString());
    assertThat(s.weights()).containsOnlyKeys(QueryType.SCAN, QueryType.JOIN).containsEntry(QueryType.SCAN, 2);
    assertThat(s.duration()).isEqualTo(Duration.ofSeconds(20));
    assertThat(s.maxP95()).isEqualTo(Duration.ofSeconds(2));
    assertThat(s.minSuccessRate()).isEqualTo(0.95);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "mix: {scan: 2, join: 1}|mix: {scna: 2}|mix.scna: unknown query type",
      "mix: {scan: 2, join: 1}|mix: {scan: -1}|mix.scan",
      "mix: {scan: 2, join: 1}|mix: {scan: 0}|every weight is 0",
      "data: {rowsPerScale: 5000, customers: 50}|data: {rowsPerScale: 0, customers: 50}|data.rowsPerScale",
      "data: {rowsPerScale: 5000, customers: 50}|data: {rowPerScale: 5, customers: 50}|data.rowPerScale: unknown field",
      "run: {sessions: 3, duration: 20s}|run: {sessions: 3, duration: 20 seconds}|run.duration",
      "criteria: {minSuccessRate: 0.95, maxP95: 2s}|criteria: {minSuccessRate: 1.5, maxP95: 2s}|criteria.minSuccessRate",
      "name: custom|nmae: custom|nmae: unknown field"})
  void aBadFieldIsRefusedByName(String original, String replacement, String expected, @TempDir Path dir)
      throws IOException {
    Path file = Files.writeString(dir.resolve("bad.yaml"), VALID.replace(original, replacement));
    assertThatThrownBy(() -> ScenarioLoader.load(file.toString())).isInstanceOf(ScenarioException.class)
        .hasMessageContaining(expected).hasMessageContaining("bad.yaml");
  }

  @Test
  void anUnknownNameThatIsNoFileListsTheBuiltIns() {
    assertThatThrownBy(() -> ScenarioLoader.load("mixd")).isInstanceOf(ScenarioException.class)
        .hasMessageContaining("smoke, mixed, heavy");
  }
}
