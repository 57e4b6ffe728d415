package dev.sparkk8s.common;

/** What a spark-k8s command's exit status tells a script. */
public enum ExitCode {
  /** Success: rendered, listed, started, or every check passed. */
  OK(0),
  /** A check failed: lint findings, a chart that does not render, a platform that did not come up. */
  CHECK_FAILED(1),
  /**
   * Bad usage or bad input: unknown command or option, values refused, a missing file; on the cluster commands also a
   * kubeconfig, context, namespace or release that is not there, or an API server that does not answer.
   */
  BAD_INPUT(2),
  /** Something the user can wait for or fix outside spark-k8s: a server that does not answer. */
  UNAVAILABLE(3),
  /** A defect in spark-k8s itself: an error nobody anticipated. */
  INTERNAL_ERROR(70);

  private final int status;

  ExitCode(int status) {
    this.status = status;
  }

  public int status() {
    return status;
  }
}
