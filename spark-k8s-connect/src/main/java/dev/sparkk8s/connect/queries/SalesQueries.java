package dev.sparkk8s.connect.queries;

import java.util.ArrayList;
import java.util.List;

/**
 * The {@code load} scenarios' tables and queries. Spark generates the tables from the formulas here:
 * {@code sales(id, customer_id = id % C, amount = (id * 7) % 100, day = id % 365)} for id in
 * [0, rows), and {@code customers(customer_id, region = customer_id % 5)} for customer_id in [0, C);
 * the queries run over temp views {@code sales} and {@code customers}, and their answers are
 * computed here from the same formulas.
 */
public final class SalesQueries {

  /** Customers whose rows the window query ranks (keeps it proportionate to the data). */
  static final int WINDOW_CUSTOMERS = 10;
  private static final int REGIONS = 5;

  private final KnownAnswerQuery scan;
  private final KnownAnswerQuery aggregate;
  private final KnownAnswerQuery join;
  private final KnownAnswerQuery window;
  private final Answer written;

  public SalesQueries(long rows, int customers) {
    long scanCount = 0;
    long scanSum = 0;
    long total = 0;
    long[] dowCount = new long[7];
    long[] dowSum = new long[7];
    long[] regionCount = new long[REGIONS];
    long[] regionSum = new long[REGIONS];
    long[] perCustomer = new long[Math.min(customers, WINDOW_CUSTOMERS)];
    for (long id = 0; id < rows; id++) {
      long amount = (id * 7) % 100;
      int customer = (int) (id % customers);
      int dow = (int) ((id % 365) % 7);
      if (amount < 10) {
        scanCount++;
        scanSum += amount;
      }
      total += amount;
      dowCount[dow]++;
      dowSum[dow] += amount;
      regionCount[customer % REGIONS]++;
      regionSum[customer % REGIONS] += amount;
      if (customer < perCustomer.length) {
        perCustomer[customer]++;
      }
    }
    scan = new KnownAnswerQuery("scan", "SELECT count(*), sum(amount) FROM sales WHERE amount < 10",
        Answer.row(scanCount, scanSum));
    aggregate = new KnownAnswerQuery("aggregate", "SELECT day % 7 AS dow, count(*), sum(amount) FROM sales "
        + "GROUP BY day % 7 ORDER BY dow", Answer.inOrder(groups(dowCount, dowSum)));
    join = new KnownAnswerQuery("join", "SELECT c.region, count(*), sum(s.amount) FROM sales s JOIN customers c "
        + "ON s.customer_id = c.customer_id GROUP BY c.region ORDER BY c.region",
        Answer.inOrder(groups(regionCount, regionSum)));
    long ranked = 0;
    long rankSum = 0;
    for (long n : perCustomer) {
      ranked += n;
      rankSum += n * (n + 1) / 2;
    }
    window = new KnownAnswerQuery("window", "SELECT count(*), sum(rn) FROM (SELECT row_number() OVER "
        + "(PARTITION BY customer_id ORDER BY id) AS rn FROM sales WHERE customer_id < " + WINDOW_CUSTOMERS + ")",
        Answer.row(ranked, rankSum));
    written = Answer.row(Math.min(rows, customers), total);
  }

  /** The columns of {@code sales}, as expressions over {@code range(rows)}. */
  public static List<String> salesColumns(int customers) {
    return List.of("id", "id % " + customers + " AS customer_id", "(id * 7) % 100 AS amount", "id % 365 AS day");
  }

  /** The columns of {@code customers}, as expressions over {@code range(customers)}. */
  public static List<String> customersColumns() {
    return List.of("id AS customer_id", "id % " + REGIONS + " AS region");
  }

  public KnownAnswerQuery scan() {
    return scan;
  }

  public KnownAnswerQuery aggregate() {
    return aggregate;
  }

  public KnownAnswerQuery join() {
    return join;
  }

  public KnownAnswerQuery window() {
    return window;
  }

  /** The query whose result the write query type writes as Parquet: each customer's total. */
  public String writeSql() {
    return "SELECT customer_id, sum(amount) AS total FROM sales GROUP BY customer_id";
  }

  /** Reads back what {@link #writeSql()} wrote to {@code path}. */
  public KnownAnswerQuery readBack(String path) {
    return new KnownAnswerQuery("write and read back", "SELECT count(*), sum(total) FROM parquet.`" + path + "`",
        written);
  }

  private static List<List<Object>> groups(long[] count, long[] sum) {
    List<List<Object>> rows = new ArrayList<>();
    for (int g = 0; g < count.length; g++) {
      if (count[g] > 0) {
        rows.add(List.of((long) g, count[g], sum[g]));
      }
    }
    return rows;
  }
}
