package dev.sparkk8s.cli;

import java.io.PrintWriter;
import java.util.function.Consumer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * Where a command prints: its output, progress lines as they happen, and problems as
 * {@code spark-k8s: <problem>} lines on stderr. A mixin without options ({@code @Command} only makes it one).
 */
@Command
public class Terminal {

  @Spec(Spec.Target.MIXEE)
  CommandSpec command;

  CommandLine commandLine() {
    return command.commandLine();
  }

  PrintWriter out() {
    return commandLine().getOut();
  }

  /** Prints each line at once, for long runs that report as they go. */
  Consumer<String> progress() {
    PrintWriter out = out();
    return line -> {
      out.println(line);
      out.flush();
    };
  }

  void problem(String problem) {
    PrintWriter err = commandLine().getErr();
    err.println(Errors.PREFIX + problem);
    err.flush();
  }
}
