package dev.sparkk8s.cli;

/** The exit codes of every spark-k8s command. */
public final class ExitCodes {

  /** Success: rendered, listed, or lint passed. */
  public static final int OK = 0;
  /** A check failed: lint findings, helm lint errors, or a chart that does not render. */
  public static final int CHECK_FAILED = 1;
  /** Bad usage or bad input: unknown option, unknown preset, values refused, missing file. */
  public static final int BAD_INPUT = 2;

  private ExitCodes() {
  }
}
