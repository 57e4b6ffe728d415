package dev.sparkk8s.render;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;

/**
 * The chart itself could not be rendered or read: an error in a template that is not a
 * deliberate {@code fail} about a values key, or a chart that cannot be found or extracted.
 * A failed check.
 */
public class ChartException extends SparkK8sException {

  public ChartException(String message) {
    super(ExitCode.CHECK_FAILED, message);
  }

  public ChartException(String message, Throwable cause) {
    super(ExitCode.CHECK_FAILED, message, cause);
  }
}
