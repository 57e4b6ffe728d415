package dev.sparkk8s.cli;

import picocli.CommandLine.Option;

/** {@code --spark 3.5|4.1}: which Spark line a command runs. */
public class SparkVersionOption {

  @Option(names = "--spark", paramLabel = "VERSION", defaultValue = "4.1",
      description = "Spark line: 3.5 or 4.1 (default: ${DEFAULT-VALUE}).")
  String version;
}
