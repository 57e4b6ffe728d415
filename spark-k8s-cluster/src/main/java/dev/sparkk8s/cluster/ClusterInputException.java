package dev.sparkk8s.cluster;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;

/**
 * What the user pointed a cluster command at does not work: a kubeconfig or context that is not there, an API server
 * that does not answer, a namespace or release that does not exist. One line, bad input.
 */
public class ClusterInputException extends SparkK8sException {

  public ClusterInputException(String message) {
    super(ExitCode.BAD_INPUT, message);
  }
}
