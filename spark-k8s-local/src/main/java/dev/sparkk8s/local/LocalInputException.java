package dev.sparkk8s.local;

import dev.sparkk8s.common.ExitCode;

/** The request itself cannot be met (a taken port, an unknown version, too little memory): bad input. */
public class LocalInputException extends LocalRuntimeException {

  public LocalInputException(String message) {
    super(ExitCode.BAD_INPUT, message, null);
  }
}
