package dev.sparkk8s.cli;

import dev.sparkk8s.local.LocalOptions;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --local} and where a local platform keeps its state and logs; shared by up, status and down. */
public class LocalRunOption {

  @Option(names = "--local",
      description = "The platform as processes on this machine instead of a release on a cluster.")
  boolean local;

  @Option(names = "--run-dir", paramLabel = "DIR",
      description = "State, configuration and logs of the local platform (default: ~/.spark-k8s/local).")
  Path runDir = LocalOptions.defaultRunDir();
}
