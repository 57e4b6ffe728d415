package dev.sparkk8s.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Operating-system processes that a local platform started, found by their command lines. */
final class SparkProcesses {

  private SparkProcesses() {
  }

  /** Processes carrying this run's marker. */
  static List<ProcessHandle> of(Path runDir) {
    String marker = "-Dspark-k8s.run=" + runDir.toAbsolutePath();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false)).toList();
  }

  /** The run's Prometheus server: it carries no marker, but its arguments name files of the run directory. */
  static List<ProcessHandle> prometheusOf(Path runDir) {
    String files = "=" + runDir.toAbsolutePath() + "/";
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().command().map(c -> c.endsWith("/prometheus")).orElse(false))
        .filter(p -> p.info().commandLine().map(c -> c.contains(files)).orElse(false)).toList();
  }

  /**
   * The run's nginx processes (the Connect server's TLS proxy): nginx writes its own title over its arguments,
   * {@code nginx: master process /usr/sbin/nginx ... -c <run dir>/...}.
   */
  static List<ProcessHandle> nginxOf(Path runDir) {
    String files = " " + runDir.toAbsolutePath() + "/";
    return ProcessHandle.allProcesses().filter(p -> {
      try {
        String title = Files.readString(Path.of("/proc", String.valueOf(p.pid()), "cmdline")).replace('\0', ' ');
        return title.startsWith("nginx: ") && title.contains(files);
      } catch (IOException | UncheckedIOException e) {
        return false;
      }
    }).toList();
  }

  /**
   * Executor JVMs that a Standalone worker of this run started: they carry no run marker, but they
   * work in the worker's directory under the run directory.
   */
  static List<ProcessHandle> executorsOf(Path runDir) {
    Path dir = runDir.toAbsolutePath();
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")).orElse(false))
        .filter(p -> workingDirectory(p).startsWith(dir)).toList();
  }

  private static Path workingDirectory(ProcessHandle p) {
    try {
      return Files.readSymbolicLink(Path.of("/proc", String.valueOf(p.pid()), "cwd"));
    } catch (IOException | UnsupportedOperationException e) {
      return Path.of("/proc/" + p.pid() + "/cwd unreadable");
    }
  }
}
