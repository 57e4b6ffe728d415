package dev.sparkk8s.render;

/**
 * The chart itself could not be rendered or read: an error in a template that is not a
 * deliberate {@code fail} about a values key, or a chart that cannot be found or extracted.
 */
public class ChartException extends RuntimeException {

  public ChartException(String message) {
    super(message);
  }

  public ChartException(String message, Throwable cause) {
    super(message, cause);
  }
}
