package dev.sparkk8s.cli;

import dev.sparkk8s.load.LoadUnreachableException;
import dev.sparkk8s.load.ScenarioException;
import dev.sparkk8s.local.LocalInputException;
import dev.sparkk8s.local.LocalRuntimeException;
import dev.sparkk8s.render.ChartException;
import dev.sparkk8s.render.ValuesException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into {@code spark-k8s: <message>} lines on stderr and an exit code; never a
 * stack trace (set {@code SPARK_K8S_DEBUG=1} to get one for an unexpected error).
 */
final class Errors implements IExecutionExceptionHandler, IParameterExceptionHandler {

  static final String PREFIX = "spark-k8s: ";

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
    return ExitCodes.BAD_INPUT;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine cmd, ParseResult parseResult) {
    PrintWriter err = cmd.getErr();
    int code;
    if (e instanceof ValuesException values) {
      values.problems().forEach(p -> err.println(PREFIX + p));
      code = ExitCodes.BAD_INPUT;
    } else if (e instanceof LocalRuntimeException local) {
      List<String> lines = (local.getMessage() == null ? "" : local.getMessage()).lines().toList();
      err.println(PREFIX + (lines.isEmpty() ? "" : lines.get(0)));
      lines.stream().skip(1).forEach(l -> err.println("    " + l));
      code = local instanceof LocalInputException ? ExitCodes.BAD_INPUT : ExitCodes.CHECK_FAILED;
    } else if (e instanceof ScenarioException || e instanceof LoadUnreachableException) {
      err.println(PREFIX + oneLine(e.getMessage()));
      code = ExitCodes.BAD_INPUT;
    } else if (e instanceof ChartException) {
      lines(e.getMessage()).forEach(l -> err.println(PREFIX + l));
      code = ExitCodes.CHECK_FAILED;
    } else if (e instanceof UncheckedIOException) {
      err.println(PREFIX + oneLine(e.getMessage()));
      code = ExitCodes.BAD_INPUT;
    } else {
      err.println(PREFIX + "internal error: " + e.getClass().getSimpleName() + ": " + oneLine(e.getMessage())
          + " (set SPARK_K8S_DEBUG=1 for the stack trace)");
      if (System.getenv("SPARK_K8S_DEBUG") != null) {
        e.printStackTrace(err);
      }
      code = ExitCodes.CHECK_FAILED;
    }
    err.flush();
    return code;
  }

  private static List<String> lines(String message) {
    return (message == null ? "" : message).lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
  }

  private static String oneLine(String message) {
    return String.join(" ", lines(message));
  }
}
