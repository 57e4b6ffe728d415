package dev.sparkk8s.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer every query must give, computed here from the generator's formulas — independently of
 * Spark — so a wrong answer is a failure, not only an exception.
 *
 * <p>The generated tables: {@code sales(id, customer_id = id % C, amount = (id * 7) % 100, day = id % 365)}
 * for id in [0, rows), and {@code customers(customer_id, region = customer_id % 5)} for customer_id in [0, C).
 */
public final class ExpectedAnswers {

  /** Customers whose rows the window query ranks (keeps it proportionate to the data). */
  static final int WINDOW_CUSTOMERS = 10;

  private final List<List<Long>> scan = new ArrayList<>();
  private final List<List<Long>> aggregate = new ArrayList<>();
  private final List<List<Long>> join = new ArrayList<>();
  private final List<List<Long>> window = new ArrayList<>();
  private final List<List<Long>> write = new ArrayList<>();

  public ExpectedAnswers(long rows, int customers) {
    long scanCount = 0;
    long scanSum = 0;
    long total = 0;
    long[] dowCount = new long[7];
    long[] dowSum = new long[7];
    long[] regionCount = new long[5];
    long[] regionSum = new long[5];
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
      regionCount[customer % 5]++;
      regionSum[customer % 5] += amount;
      if (customer < perCustomer.length) {
        perCustomer[customer]++;
      }
    }
    scan.add(List.of(scanCount, scanSum));
    for (int d = 0; d < 7; d++) {
      if (dowCount[d] > 0) {
        aggregate.add(List.of((long) d, dowCount[d], dowSum[d]));
      }
    }
    for (int r = 0; r < 5; r++) {
      if (regionCount[r] > 0) {
        join.add(List.of((long) r, regionCount[r], regionSum[r]));
      }
    }
    long ranked = 0;
    long rankSum = 0;
    for (long n : perCustomer) {
      ranked += n;
      rankSum += n * (n + 1) / 2;
    }
    window.add(List.of(ranked, rankSum));
    write.add(List.of(Math.min(rows, customers), total));
  }

  public List<List<Long>> of(QueryType type) {
    return switch (type) {
      case SCAN -> scan;
      case AGGREGATE -> aggregate;
      case JOIN -> join;
      case WINDOW -> window;
      case WRITE -> write;
    };
  }
}
