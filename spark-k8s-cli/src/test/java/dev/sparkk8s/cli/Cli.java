package dev.sparkk8s.cli;

import dev.sparkk8s.common.Poll;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine;

/** Runs the spark-k8s command line in-process, capturing what it prints. */
final class Cli {

  record Result(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
  }

  private Cli() {
  }

  static Result run(String... args) {
    return run(SparkK8s.commandLine(), args);
  }

  /** Runs a given command line (the CLI's, with a command added) in-process. */
  static Result run(CommandLine cmd, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cmd.setOut(new PrintWriter(out, true));
    cmd.setErr(new PrintWriter(err, true));
    int code = cmd.execute(args);
    return new Result(code, out.toString(), err.toString());
  }

  /**
   * {@code status --local}, asked again for up to 30 s until it says what is expected (on a busy
   * machine a readiness probe can miss its timeout once); the last answer otherwise.
   */
  static Result statusSaying(Path runDir, String expected) {
    String[] status = {"status", "--local", "--run-dir", runDir.toString()};
    return Poll.every(Duration.ofSeconds(2), Duration.ofSeconds(30))
        .until(() -> Optional.of(run(status)).filter(r -> r.out().contains(expected)))
        .orElseGet(() -> run(status));
  }

  /** The repository's chart directory, charts/spark-k8s. */
  static Path repoChart() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    return module.getParent().resolve("charts").resolve("spark-k8s");
  }
}
