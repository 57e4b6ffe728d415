package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code spark-k8s up --local} was asked for.
 *
 * @param sparkVersion "3.5" or "4.1"
 * @param preset       a chart preset, or null
 * @param valuesFiles  values files, in order
 * @param sets         {@code --set} arguments, in order
 * @param workers      worker count, or null for the chart's {@code spark.standalone.worker.replicas}
 * @param connectPort  the Connect port the user insists on, or null for the chart's (or a free one)
 * @param runDir       where state, configuration and logs go
 * @param chartDir     a chart directory, or null for the chart bundled with the CLI
 */
public record LocalOptions(String sparkVersion, String preset, List<Path> valuesFiles, List<String> sets,
    Integer workers, Integer connectPort, Path runDir, Path chartDir) {

  public LocalOptions {
    valuesFiles = List.copyOf(valuesFiles);
    sets = List.copyOf(sets);
    if (workers != null && workers < 1) {
      throw new LocalInputException("--workers " + workers + ": at least one worker is needed");
    }
    if (connectPort != null && (connectPort < 1 || connectPort > 65535)) {
      throw new LocalInputException("--connect-port " + connectPort + ": not a TCP port");
    }
  }

  /** The default run directory: {@code ~/.spark-k8s/local}. */
  public static Path defaultRunDir() {
    return Path.of(System.getProperty("user.home"), ".spark-k8s", "local");
  }
}
