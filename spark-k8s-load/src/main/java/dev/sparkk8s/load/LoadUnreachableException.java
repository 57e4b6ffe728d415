package dev.sparkk8s.load;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;

/**
 * The Spark Connect server did not answer at all (it is down or the address is wrong): unavailable,
 * not a failed run.
 */
public class LoadUnreachableException extends SparkK8sException {

  public LoadUnreachableException(String message, Throwable cause) {
    super(ExitCode.UNAVAILABLE, message, cause);
  }
}
