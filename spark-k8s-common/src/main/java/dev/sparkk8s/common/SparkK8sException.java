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

  /** The problems to print, one line each: the message's lines, stripped, blank lines dropped. */
  public List<String> lines() {
    return message().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  /** Lines that explain the problems, printed indented below them (a log's last lines); none by default. */
  public List<String> detail() {
    return List.of();
  }

  /** The message, never null. */
  protected final String message() {
    return getMessage() == null ? "" : getMessage();
  }
}
