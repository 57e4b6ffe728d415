package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.local.LogTail;
import dev.sparkk8s.local.SparkClassCommand;
import dev.sparkk8s.local.SparkHome;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs one of Spark's own clients ({@code spark-class} arguments) from a local Spark home, its output in a log. */
public final class SparkClassRun {

  private SparkClassRun() {
  }

  /** The client's exit code once it ended; its stdout and stderr are in {@code log}. */
  public static int run(SparkHome home, List<String> args, Map<String, String> env, Path log, String what) {
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder pb = new ProcessBuilder(SparkClassCommand.of(home, args, env)).redirectErrorStream(true)
          .redirectOutput(log.toFile()).redirectInput(Redirect.from(new File("/dev/null")));
      pb.environment().putAll(env);
      return pb.start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "interrupted while " + what);
    }
  }

  /** The client's first exception or error (what went wrong), else its last line. */
  public static String firstError(Path log) {
    try {
      return Files.readAllLines(log).stream().filter(l -> l.contains("Exception") || l.contains(" ERROR "))
          .findFirst().orElse(LogTail.of(log, 1)).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
