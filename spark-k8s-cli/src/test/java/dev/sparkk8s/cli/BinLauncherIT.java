package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** bin/spark-k8s as a real process, after mvn package. */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class BinLauncherIT {

  private static final Path REPO = Cli.repoChart().getParent().getParent();

  @TempDir
  Path tmp;

  record Run(int exitCode, String out, String err) {
  }

  private Run run(Path launcher, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(tmp.toFile())
        .redirectOutput(tmp.resolve("out").toFile()).redirectError(tmp.resolve("err").toFile());
    // As a user runs it: the test JVM options (the parent pom's test.jvm.options) make every JVM say so on stderr.
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("finished").isTrue();
    return new Run(p.exitValue(), Files.readString(tmp.resolve("out"), StandardCharsets.UTF_8),
        Files.readString(tmp.resolve("err"), StandardCharsets.UTF_8));
  }

  @Test
  void helpRunsFromAnyDirectory() throws Exception {
    Path launcher = REPO.resolve("bin/spark-k8s");
    assertThat(launcher).isExecutable();
    Run r = run(launcher, "--help");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("Usage: spark-k8s").contains("render", "lint", "presets");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void renderThroughTheLauncherUsesTheBundledChart() throws Exception {
    Run r = run(REPO.resolve("bin/spark-k8s"), "render", "--preset", "development");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("---\n# Source: spark-k8s/templates/");
    assertThat(r.err()).as("nothing on stderr (no logging noise)").isEmpty();
  }

  @Test
  void badInputExitsTwoWithOneLine() throws Exception {
    Run r = run(REPO.resolve("bin/spark-k8s"), "render", "--set", "spark.version=9.9");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: spark.version: value must be one of '3.5', '4.1'\n");
  }

  @Test
  void withoutABuildItSaysHowToBuildAndExitsTwo() throws Exception {
    Path fakeRepo = tmp.resolve("repo");
    Files.createDirectories(fakeRepo.resolve("bin"));
    Path launcher = Files.copy(REPO.resolve("bin/spark-k8s"), fakeRepo.resolve("bin/spark-k8s"));
    launcher.toFile().setExecutable(true);
    Path link = Files.createSymbolicLink(tmp.resolve("spark-k8s-link"), launcher);
    Run r = run(link, "--help");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("mvn -q -B package -DskipTests").contains(fakeRepo.toString());
    assertThat(r.out()).isEmpty();
  }
}
