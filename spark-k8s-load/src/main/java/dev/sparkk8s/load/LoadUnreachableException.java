package dev.sparkk8s.load;

/** The Spark Connect server did not answer at all: bad usage or a wrong address, not a failed run. */
public class LoadUnreachableException extends RuntimeException {

  public LoadUnreachableException(String message, Throwable cause) {
    super(message, cause);
  }
}
