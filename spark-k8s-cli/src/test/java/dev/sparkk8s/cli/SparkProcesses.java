package dev.sparkk8s.cli;

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

  /** Executor JVMs started by a Standalone worker of this JVM's descendants or anyone's. */
  static List<ProcessHandle> executors() {
    return ProcessHandle.allProcesses()
        .filter(p -> p.info().commandLine().map(c -> c.contains("CoarseGrainedExecutorBackend")).orElse(false))
        .toList();
  }
}
