package dev.sparkk8s.connect.queries;

import java.util.List;

/**
 * A query whose exact answer is known in advance, computed in Java from the query's own formulas
 * and not by Spark: a wrong answer is a failure, not only an exception.
 */
public record KnownAnswerQuery(String name, String sql, Answer answer) {

  /** What is wrong with these rows (as {@link Answer#value} gives them), or null when they are the answer. */
  public String problem(List<List<Object>> rows) {
    return answer.problem(rows);
  }
}
