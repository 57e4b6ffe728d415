package dev.sparkk8s.common;

import java.util.List;

/**
 * An error meant for the person at the terminal: its message says what went wrong and what to do
 * next (one or more lines, never a stack trace), and it carries the exit code the CLI ends with.
 */
public class SparkK8sException extends RuntimeException {

  private final ExitCode exitCode;

  public SparkK8sException(ExitCode exitCode, String message) {
    this(exitCode, message, null);
  }

  public SparkK8sException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  /** The message as the lines to print, blank lines dropped. */
  public List<String> lines() {
    String message = getMessage() == null ? "" : getMessage();
    return message.lines().filter(l -> !l.isBlank()).toList();
  }
}
