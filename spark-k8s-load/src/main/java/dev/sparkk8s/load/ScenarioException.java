package dev.sparkk8s.load;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;

/** A scenario or a load option is invalid (bad input); the message names the field and says what is allowed. */
public class ScenarioException extends SparkK8sException {

  public ScenarioException(String message) {
    super(ExitCode.BAD_INPUT, message);
  }
}
