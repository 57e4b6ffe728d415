package dev.sparkk8s.load;

/** The SQL of each query type over the temp views {@code sales} and {@code customers}. */
final class QueryMixSql {

  private QueryMixSql() {
  }

  static String of(QueryType type) {
    return switch (type) {
      case SCAN -> "SELECT count(*), sum(amount) FROM sales WHERE amount < 10";
      case AGGREGATE -> "SELECT day % 7 AS dow, count(*), sum(amount) FROM sales GROUP BY day % 7 ORDER BY dow";
      case JOIN -> "SELECT c.region, count(*), sum(s.amount) FROM sales s JOIN customers c "
          + "ON s.customer_id = c.customer_id GROUP BY c.region ORDER BY c.region";
      case WINDOW -> "SELECT count(*), sum(rn) FROM (SELECT row_number() OVER (PARTITION BY customer_id ORDER BY id) "
          + "AS rn FROM sales WHERE customer_id < " + ExpectedAnswers.WINDOW_CUSTOMERS + ")";
      case WRITE -> "SELECT customer_id, sum(amount) AS total FROM sales GROUP BY customer_id";
    };
  }

  /** Reads back what a WRITE query wrote. */
  static String readBack(String path) {
    return "SELECT count(*), sum(total) FROM parquet.`" + path + "`";
  }
}
