package dev.sparkk8s.render;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.util.List;

/**
 * The inputs of a render (preset, values files, {@code --set} pairs) were refused: bad input.
 *
 * <p>Each problem is one line that names the values key in dotted form (for example
 * {@code spark.version: value must be one of '3.5', '4.1'}), or the file that could not be read.
 */
public class ValuesException extends SparkK8sException {

  private final List<String> problems;

  public ValuesException(List<String> problems) {
    super(ExitCode.BAD_INPUT, String.join("\n", problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ValuesException needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  public ValuesException(String problem) {
    this(List.of(problem));
  }

  /** One line per problem, in a stable order. */
  public List<String> problems() {
    return problems;
  }

  @Override
  public List<String> lines() {
    return problems;
  }
}
