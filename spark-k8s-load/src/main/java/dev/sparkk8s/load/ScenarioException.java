package dev.sparkk8s.load;

/** A scenario or a load option is invalid; the message names the field and says what is allowed. */
public class ScenarioException extends RuntimeException {

  public ScenarioException(String message) {
    super(message);
  }
}
