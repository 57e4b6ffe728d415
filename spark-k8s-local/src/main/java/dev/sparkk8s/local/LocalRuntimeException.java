package dev.sparkk8s.local;

/** The local platform cannot do what was asked; the message is one line for the user. */
public class LocalRuntimeException extends RuntimeException {

  public LocalRuntimeException(String message) {
    super(message);
  }

  public LocalRuntimeException(String message, Throwable cause) {
    super(message, cause);
  }
}
