package dev.sparkk8s.bench;

import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import java.util.List;

/** A benchmark query answered wrong: its time means nothing, so the benchmark stops. */
final class WrongAnswer extends IllegalStateException {

  private WrongAnswer(String message) {
    super(message);
  }

  /** Throws when these rows are not the query's answer. */
  static void check(KnownAnswerQuery query, List<List<Object>> rows, String where) {
    String problem = query.problem(rows);
    if (problem != null) {
      throw new WrongAnswer(where + " answered the " + query.name() + " query wrong: " + problem);
    }
  }
}
