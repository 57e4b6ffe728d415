package dev.sparkk8s.cli;

import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.ExecutionException;
import picocli.CommandLine.IExecutionStrategy;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.RunLast;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Runs the last command given, like picocli's {@link RunLast}, with two differences: an argument
 * nothing matched is an error even beside {@code --help} or {@code --version} (picocli would print
 * the help of the command before it and exit 0), and a JVM {@link Error} reaches {@link Errors} like
 * any exception instead of ending the JVM with a stack trace.
 */
final class StrictExecution implements IExecutionStrategy {

  @Override
  public int execute(ParseResult parseResult) {
    for (CommandLine command : parseResult.asCommandLineList()) {
      List<String> unmatched = command.getParseResult().unmatched();
      if (!unmatched.isEmpty()) {
        throw new UnmatchedArgumentException(command, unmatched);
      }
    }
    try {
      return new RunLast().execute(parseResult);
    } catch (Error e) {
      List<CommandLine> commands = parseResult.asCommandLineList();
      throw new ExecutionException(commands.get(commands.size() - 1), String.valueOf(e), e);
    }
  }
}
