package dev.sparkk8s.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.util.List;

/**
 * The local platform cannot do what was asked (a failed check): the message's first line is the
 * problem, any further lines explain it (the last lines of a process's log).
 */
public class LocalRuntimeException extends SparkK8sException {

  public LocalRuntimeException(String message) {
    this(ExitCode.CHECK_FAILED, message, null);
  }

  public LocalRuntimeException(String message, Throwable cause) {
    this(ExitCode.CHECK_FAILED, message, cause);
  }

  protected LocalRuntimeException(ExitCode exitCode, String message, Throwable cause) {
    super(exitCode, message, cause);
  }

  @Override
  public List<String> lines() {
    return message().lines().limit(1).toList();
  }

  @Override
  public List<String> detail() {
    return message().lines().skip(1).toList();
  }
}
