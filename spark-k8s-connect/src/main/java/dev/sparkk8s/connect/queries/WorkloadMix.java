package dev.sparkk8s.connect.queries;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One pass of the kinds of query the platform runs, as SQL so that a Spark Connect session and an
 * in-process session run exactly the same text: an aggregation over a range, a sort-merge join with
 * a group-by, two windows, and a Parquet write read back with a group-by. The class-data training
 * run uses the small size, the benchmarks the large one.
 */
public final class WorkloadMix {

  /** Row counts of each query, and the partitions of every range. */
  public record Size(long aggregateRows, long joinRows, long windowRows, long parquetRows, int partitions) {
  }

  /** The benchmarks' pass: about 4 MB of Parquet. */
  public static final Size BENCHMARK = new Size(40_000_000, 600_000, 300_000, 300_000, 4);
  /** The class-data training run's pass on {@code local[2]}: small, only the classes matter. */
  public static final Size TRAINING = new Size(100_000, 20_000, 20_000, 20_000, 2);

  private static final int GROUPS = 100;
  private static final int KEYS = 7;
  /** x = (id * MULTIPLIER) % MODULUS: spread like random numbers, but whole, so every sum of them is exact. */
  private static final long MULTIPLIER = 2_654_435_761L;
  private static final long MODULUS = 1_000_003L;

  private WorkloadMix() {
  }

  /** The queries of one pass, in the order they run; {@code dir} is where the Parquet files go (overwritten). */
  public static List<KnownAnswerQuery> pass(Size size, String dir) {
    String path = dir.replace("'", "");
    return List.of(aggregation(size), join(size), windows(size),
        new KnownAnswerQuery("Parquet write", "INSERT OVERWRITE DIRECTORY '" + path + "' USING parquet "
            + "SELECT id, id % " + KEYS + " AS k, CAST(id * " + MULTIPLIER + " % " + MODULUS + " AS DOUBLE) AS x, "
            + "concat('row-', id) AS s FROM " + range(size.parquetRows(), size), Answer.none()),
        readBack(size, path));
  }

  private static KnownAnswerQuery aggregation(Size size) {
    long n = size.aggregateRows();
    long sum = KnownAnswers.triangle(n);
    return new KnownAnswerQuery("aggregation", "SELECT sum(id), count(*), avg(id), max(id % 1000) FROM "
        + range(n, size), Answer.row(sum, n, (double) sum / n, Math.min(n, 1000) - 1));
  }

  private static KnownAnswerQuery join(Size size) {
    long[] count = new long[GROUPS];
    long[] sum = new long[GROUPS];
    for (long id = 0; id < size.joinRows(); id++) {
      count[(int) (id % GROUPS)]++;
      sum[(int) (id % GROUPS)] += id * 3;
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int g = 0; g < GROUPS; g++) {
      if (count[g] > 0) {
        rows.add(List.of((long) g, count[g], sum[g]));
      }
    }
    // The hint keeps the small sides from being broadcast.
    return new KnownAnswerQuery("sort-merge join and group-by", "SELECT /*+ MERGE(b) */ a.id % " + GROUPS
        + " AS g, count(*), sum(b.v) FROM " + range(size.joinRows(), size) + " a JOIN (SELECT id, id * 3 AS v FROM "
        + range(size.joinRows(), size) + ") b ON a.id = b.id GROUP BY g", Answer.inAnyOrder(rows));
  }

  private static KnownAnswerQuery windows(Size size) {
    long[] count = new long[GROUPS];
    long[] sum = new long[GROUPS];
    for (long id = 0; id < size.windowRows(); id++) {
      count[(int) (id % GROUPS)]++;
      sum[(int) (id % GROUPS)] += id;
    }
    long maxRank = 0;
    long sumOfGroupSums = 0;
    for (int g = 0; g < GROUPS; g++) {
      maxRank = Math.max(maxRank, count[g]);
      sumOfGroupSums += count[g] * sum[g];
    }
    return new KnownAnswerQuery("windows", "SELECT max(r), sum(s) FROM (SELECT row_number() OVER (PARTITION BY id % "
        + GROUPS + " ORDER BY id DESC) AS r, sum(id) OVER (PARTITION BY id % " + GROUPS + ") AS s FROM "
        + range(size.windowRows(), size) + ")", Answer.row(maxRank, sumOfGroupSums));
  }

  private static KnownAnswerQuery readBack(Size size, String path) {
    Map<Long, long[]> countAndSum = new TreeMap<>();
    Map<Long, String> max = new HashMap<>();
    for (long id = 0; id < size.parquetRows(); id++) {
      long k = id % KEYS;
      long[] cs = countAndSum.computeIfAbsent(k, key -> new long[2]);
      cs[0]++;
      cs[1] += id * MULTIPLIER % MODULUS;
      max.merge(k, "row-" + id, (a, b) -> a.compareTo(b) >= 0 ? a : b);
    }
    List<List<Object>> rows = new ArrayList<>();
    countAndSum.forEach((k, cs) -> rows.add(List.of(k, cs[0], (double) cs[1] / cs[0], max.get(k))));
    return new KnownAnswerQuery("Parquet read back", "SELECT k, count(*), avg(x), max(s) FROM parquet.`" + path
        + "` GROUP BY k", Answer.inAnyOrder(rows));
  }

  private static String range(long rows, Size size) {
    return "range(0, " + rows + ", 1, " + size.partitions() + ")";
  }
}
