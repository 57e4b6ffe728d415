package dev.sparkk8s.connect;

import dev.sparkk8s.connect.queries.Answer;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * Spark rows as the plain values a {@link dev.sparkk8s.connect.queries.KnownAnswerQuery} checks. Uses
 * only {@link Row}, so that it works on the rows of a Connect session and of an in-process session
 * (3.5 or 4.1) alike.
 */
public final class RowValues {

  private RowValues() {
  }

  public static List<List<Object>> of(List<? extends Row> rows) {
    List<List<Object>> out = new ArrayList<>();
    for (Row r : rows) {
      List<Object> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(Answer.value(r.get(i)));
      }
      out.add(values);
    }
    return out;
  }
}
