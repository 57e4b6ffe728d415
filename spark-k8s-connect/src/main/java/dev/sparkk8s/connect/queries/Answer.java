package dev.sparkk8s.connect.queries;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The rows a query must return, as plain Java values (see {@link #value}), in order or in any order
 * (a group-by without ORDER BY).
 */
public record Answer(List<List<Object>> rows, boolean ordered) {

  private static final int SHOWN_ROWS = 10;

  public Answer {
    rows = rows.stream().map(r -> r.stream().map(Answer::value).toList()).toList();
  }

  /** One row. */
  public static Answer row(Object... values) {
    return new Answer(List.of(Arrays.asList(values)), true);
  }

  /** Rows in this order (an ORDER BY). */
  public static Answer inOrder(List<List<Object>> rows) {
    return new Answer(rows, true);
  }

  /** Rows in any order. */
  public static Answer inAnyOrder(List<List<Object>> rows) {
    return new Answer(rows, false);
  }

  /** No rows: what a write answers. */
  public static Answer none() {
    return new Answer(List.of(), true);
  }

  /**
   * A column value as answers hold it: every integral number as a Long and a Float as a Double, so
   * that an answer does not depend on the column types Spark chose; other values as they are.
   */
  public static Object value(Object v) {
    if (v instanceof Byte || v instanceof Short || v instanceof Integer || v instanceof Long) {
      return ((Number) v).longValue();
    }
    if (v instanceof Float f) {
      return f.doubleValue();
    }
    if (v instanceof BigDecimal d) {
      return d.stripTrailingZeros();
    }
    return v;
  }

  /** What is wrong with these rows, or null when they are this answer. */
  public String problem(List<List<Object>> actual) {
    List<List<Object>> got = new Answer(actual, ordered).rows();
    boolean right = ordered ? rows.equals(got) : sorted(rows).equals(sorted(got));
    return right ? null : "expected " + shown(rows) + " but got " + shown(got);
  }

  private static List<List<Object>> sorted(List<List<Object>> rows) {
    List<List<Object>> copy = new ArrayList<>(rows);
    copy.sort(Comparator.comparing(List::toString));
    return copy;
  }

  private static String shown(List<List<Object>> rows) {
    return rows.size() <= SHOWN_ROWS ? rows.toString()
        : rows.subList(0, SHOWN_ROWS) + " and " + (rows.size() - SHOWN_ROWS) + " more rows";
  }
}
