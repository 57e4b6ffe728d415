package dev.sparkk8s.local;

/** The request itself cannot be met (a taken port, an unknown version, too little memory): bad input. */
public class LocalInputException extends LocalRuntimeException {

  public LocalInputException(String message) {
    super(message);
  }
}
