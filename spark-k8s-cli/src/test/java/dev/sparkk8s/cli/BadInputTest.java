package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Exit 2 and one {@code spark-k8s: <message>} line per problem on stderr, never a stack trace. */
class BadInputTest {

  @TempDir
  Path tmp;

  private static void assertBadInput(Cli.Result r, String... lines) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines()).containsExactly(lines);
    assertThat(r.err()).doesNotContain("Exception").doesNotContain("\tat ");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"render", "lint"})
  void unknownPresetListsTheAvailableOnes(String command) {
    Cli.Result r = Cli.run(command, "--preset", "huge");
    assertThat(r.err()).startsWith("spark-k8s: preset huge: unknown preset (available: ")
        .contains("production");
    assertBadInput(r, r.err().strip());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"render", "lint"})
  void valueRefusedByTheSchemaNamesTheKey(String command) {
    assertBadInput(Cli.run(command, "--set", "spark.version=9.9"),
        "spark-k8s: spark.version: value must be one of '3.5', '4.1'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"render", "lint"})
  void typoInAKeySuggestsTheRealOne(String command) {
    assertBadInput(Cli.run(command, "--set", "spark.conect.enabled=false"),
        "spark-k8s: spark.conect: unknown key (did you mean spark.connect?)");
  }

  @Test
  void severalProblemsOneLineEach() {
    assertBadInput(Cli.run("render", "--set", "spark.version=9.9", "--set", "spark.executor.coures=2"),
        "spark-k8s: spark.executor.coures: unknown key (did you mean spark.executor.cores?)",
        "spark-k8s: spark.version: value must be one of '3.5', '4.1'");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"render", "lint"})
  void missingValuesFileIsNamed(String command) {
    Path missing = tmp.resolve("missing.yaml");
    assertBadInput(Cli.run(command, "-f", missing.toString()), "spark-k8s: " + missing + ": file not found");
  }

  @Test
  void templateFailKeepsJustTheMessage() {
    assertBadInput(Cli.run("render", "--set", "spark.historyServer.enabled=true"),
        "spark-k8s: spark.historyServer.enabled: the History Server needs spark.eventLog.enabled=true");
  }

  @Test
  void setWithoutEquals() {
    assertBadInput(Cli.run("render", "--set", "spark.version"),
        "spark-k8s: --set spark.version: expected key=value");
  }

  @Test
  void unknownOption() {
    assertBadInput(Cli.run("render", "--bogus"),
        "spark-k8s: Unknown option: '--bogus' (see 'spark-k8s render --help')");
  }

  @Test
  void unknownCommand() {
    Cli.Result r = Cli.run("rendr");
    assertThat(r.err()).startsWith("spark-k8s: Unmatched argument at index 0: 'rendr'").contains("render");
    assertBadInput(r, r.err().strip());
  }

  @Test
  void unknownCommandWithHelpIsAnErrorNotTheTopLevelHelp() {
    assertBadInput(Cli.run("qqq", "apps", "--help"),
        "spark-k8s: Unmatched arguments from index 0: 'qqq', 'apps' (see 'spark-k8s --help')");
  }

  @Test
  void misspelledCommandWithHelpSuggestsTheRealOne() {
    Cli.Result r = Cli.run("rendr", "--help");
    assertThat(r.err()).startsWith("spark-k8s: Unmatched argument at index 0: 'rendr' (did you mean render");
    assertBadInput(r, r.err().strip());
  }

  @Test
  void extraArgumentWithHelpIsAnError() {
    assertBadInput(Cli.run("render", "extra", "--help"),
        "spark-k8s: Unmatched argument at index 1: 'extra' (see 'spark-k8s render --help')");
  }

  @Test
  void optionWithoutItsValue() {
    Cli.Result r = Cli.run("render", "--preset");
    assertThat(r.err()).startsWith("spark-k8s: Missing required parameter for option '--preset'");
    assertBadInput(r, r.err().strip());
  }

  @Test
  void chartDirectoryWithoutAChart() {
    Cli.Result r = Cli.run("render", "--chart", tmp.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("spark-k8s: " + tmp + ": not a chart directory (no Chart.yaml)\n");
  }
}
