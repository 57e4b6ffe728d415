package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class HelpAndVersionTest {

  @ParameterizedTest(name = "{0} --help")
  @ValueSource(strings = {"", "render", "lint", "presets", "up", "status", "down", "doctor", "e2e", "load"})
  void everyCommandHasHelp(String command) {
    Cli.Result r = command.isEmpty() ? Cli.run("--help") : Cli.run(command, "--help");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).startsWith("Usage: spark-k8s" + (command.isEmpty() ? "" : " " + command))
        .contains("-h, --help").contains("-V, --version");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void renderAndLintShareTheInputOptions() {
    for (String command : new String[] {"render", "lint"}) {
      assertThat(Cli.run(command, "--help").out()).as(command)
          .contains("--preset=NAME", "-f, --values=FILE", "--set=KEY=VALUE", "--release=NAME",
              "-n, --namespace=NS", "--chart=DIR", "--kube-version=VERSION");
    }
    assertThat(Cli.run("render", "--help").out()).contains("--output=DIR");
    assertThat(Cli.run("presets", "--help").out()).contains("--chart=DIR").doesNotContain("--preset=").doesNotContain("--set=");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"up", "e2e"})
  void upAndE2eTakeTheSameValuesAndSparkLine(String command) {
    assertThat(Cli.run(command, "--help").out())
        .contains("--preset=NAME", "-f, --values=FILE", "--set=KEY=VALUE", "--chart=DIR", "--spark=VERSION");
  }

  @Test
  void version() {
    Cli.Result r = Cli.run("--version");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("spark-k8s ").contains("helm-java 0.0.21").doesNotContain("${");
  }

  @Test
  void noCommandIsBadUsage() {
    Cli.Result r = Cli.run();
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: a command is required").contains("Usage: spark-k8s");
    assertThat(r.out()).isEmpty();
  }
}
