package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into {@code spark-k8s: <message>} lines on stderr and the exit code the error
 * carries; never a stack trace (set {@code SPARK_K8S_DEBUG=1} to get one for an unexpected error,
 * which exits {@link ExitCode#INTERNAL_ERROR}).
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler, IExitCodeExceptionMapper {

  static final String PREFIX = "spark-k8s: ";
  private static final String DETAIL_INDENT = "    ";

  private final boolean stackTraces;

  /** @param stackTraces whether an unexpected error also prints its stack trace */
  Errors(boolean stackTraces) {
    this.stackTraces = stackTraces;
  }

  /** Stack traces when {@code SPARK_K8S_DEBUG} is set. */
  static Errors fromEnvironment() {
    return new Errors(System.getenv("SPARK_K8S_DEBUG") != null);
  }

  @Override
  public int handleParseException(ParameterException e, String[] args) {
    CommandLine cmd = e.getCommandLine();
    String line = oneLine(e.getMessage());
    if (e instanceof UnmatchedArgumentException unmatched) {
      List<String> suggestions = unmatched.getSuggestions();
      if (!suggestions.isEmpty()) {
        line += " (did you mean " + String.join(" or ", suggestions) + "?)";
      }
    }
    PrintWriter err = cmd.getErr();
    err.println(PREFIX + line + " (see '" + cmd.getCommandSpec().qualifiedName() + " --help')");
    err.flush();
    return getExitCode(e);
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    Throwable error = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
    PrintWriter err = cmd.getErr();
    if (error instanceof SparkK8sException known) {
      List<String> lines = known.lines().isEmpty() ? List.of(known.getClass().getSimpleName()) : known.lines();
      lines.forEach(l -> err.println(PREFIX + l));
      known.detail().forEach(l -> err.println(DETAIL_INDENT + l));
    } else if (error instanceof UncheckedIOException) {
      err.println(PREFIX + oneLine(error.getMessage()));
    } else if (error instanceof IOException) {
      err.println(PREFIX + error.getClass().getSimpleName() + ": " + oneLine(error.getMessage()));
    } else {
      err.println(PREFIX + "internal error: " + error.getClass().getSimpleName() + ": " + oneLine(error.getMessage())
          + " (set SPARK_K8S_DEBUG=1 for the stack trace)");
      if (stackTraces) {
        error.printStackTrace(err);
      }
    }
    err.flush();
    return getExitCode(error);
  }

  /** The exit code an error carries; input and output errors are bad input, anything unforeseen an internal error. */
  @Override
  public int getExitCode(Throwable error) {
    if (error instanceof SparkK8sException known) {
      return known.exitCode().status();
    }
    if (error instanceof ParameterException || isIo(error)) {
      return ExitCode.BAD_INPUT.status();
    }
    return ExitCode.INTERNAL_ERROR.status();
  }

  private static boolean isIo(Throwable error) {
    return error instanceof IOException || error instanceof UncheckedIOException;
  }

  private static String oneLine(String message) {
    List<String> lines = (message == null ? "" : message).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
    return String.join(" ", lines);
  }
}
