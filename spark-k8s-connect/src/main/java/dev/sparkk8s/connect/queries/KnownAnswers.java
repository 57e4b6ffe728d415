package dev.sparkk8s.connect.queries;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The catalogue of known-answer queries: every query spark-k8s runs to prove a deployment computes
 * right, each with its answer computed here. The other families: {@link WorkloadMix} (the query
 * kinds the platform runs, for the class-data training run and the benchmarks) and
 * {@link SalesQueries} (the {@code load} scenarios' tables and queries).
 */
public final class KnownAnswers {

  private KnownAnswers() {
  }

  /** The first query a new platform must answer before it is called ready. */
  public static KnownAnswerQuery firstQuery() {
    return rangeSum(100);
  }

  /** {@code sum(id)} over {@code range(n)}. */
  public static KnownAnswerQuery rangeSum(long n) {
    return new KnownAnswerQuery("sum over range(" + n + ")", "SELECT sum(id) FROM range(" + n + ")",
        Answer.row(triangle(n)));
  }

  /** {@code sum(id)} over {@code range(n)} in {@code partitions} partitions. */
  public static KnownAnswerQuery rangeSum(long n, int partitions) {
    return new KnownAnswerQuery("sum over range(" + n + ") in " + partitions + " partitions",
        "SELECT sum(id) FROM range(0, " + n + ", 1, " + partitions + ")", Answer.row(triangle(n)));
  }

  /**
   * What every test of a deployment (local, the Kubernetes harness, a real cluster) runs: an
   * aggregation, a join with a group-by, a window and, with a directory, a Parquet write and read.
   *
   * @param parquetDir a directory every executor and the driver share (a local path on one machine,
   *                   s3a://... on a cluster), or null to skip the Parquet round trip
   */
  public static List<KnownAnswerQuery> deploymentQueries(String parquetDir) {
    List<KnownAnswerQuery> queries = new ArrayList<>(List.of(aggregation(), joinGroupBy(), window()));
    if (parquetDir != null) {
      String dir = parquetDir.replace("'", "");
      queries.add(new KnownAnswerQuery("Parquet write", "INSERT OVERWRITE DIRECTORY '" + dir + "' USING parquet "
          + "SELECT id, id * 2 AS twice FROM range(0, 1000)", Answer.none()));
      queries.add(new KnownAnswerQuery("Parquet read back", "SELECT count(*), sum(twice) FROM parquet.`" + dir + "`",
          Answer.row(1000L, 2 * triangle(1000))));
    }
    return queries;
  }

  private static KnownAnswerQuery aggregation() {
    long n = 1_000_000;
    return new KnownAnswerQuery("aggregation over a range",
        "SELECT count(*), sum(id), max(id) FROM range(0, " + n + ", 1, 8)", Answer.row(n, triangle(n), n - 1));
  }

  private static KnownAnswerQuery joinGroupBy() {
    long[] count = new long[5];
    long[] sum = new long[5];
    for (long v = 0; v < 1000; v++) {
      int k = (int) (v % 10);
      if (k < 5) {
        count[k]++;
        sum[k] += v;
      }
    }
    List<List<Object>> rows = new ArrayList<>();
    for (int k = 0; k < 5; k++) {
      rows.add(List.of((long) k, count[k], sum[k]));
    }
    return new KnownAnswerQuery("join with group-by", "SELECT k, count(*), sum(v) FROM (SELECT id % 10 AS k, id AS v "
        + "FROM range(1000)) a JOIN (SELECT id AS k FROM range(5)) b USING (k) GROUP BY k ORDER BY k",
        Answer.inOrder(rows));
  }

  private static KnownAnswerQuery window() {
    long[] running = new long[2];
    List<List<Object>> rows = new ArrayList<>();
    for (long id = 0; id < 10; id++) {
      running[(int) (id % 2)] += id;
      rows.add(List.of(running[(int) (id % 2)]));
    }
    return new KnownAnswerQuery("window function", "SELECT sum(id) OVER (PARTITION BY id % 2 ORDER BY id "
        + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM range(10) ORDER BY id", Answer.inOrder(rows));
  }

  /**
   * A query that keeps executors busy long enough to change the cluster under it: {@code partitions}
   * tasks of 2 rows, every row sleeping {@code millisPerRow} on its executor, then a shuffle to sum
   * the ids and count the rows.
   */
  public static KnownAnswerQuery slowSum(int partitions, int millisPerRow) {
    long n = 2L * partitions;
    return new KnownAnswerQuery("slow sum", "SELECT sum(id), count(s) FROM (" + sleepingSql(partitions, millisPerRow)
        + ")", Answer.row(triangle(n), n));
  }

  /**
   * The rows of {@link #slowSum} without any shuffle: a map-only stage, so executors hold no shuffle
   * data after it. Each row is {@code (id, s)}, where {@code s} is Spark's text of the sleep's
   * result ({@code "null"}).
   */
  public static KnownAnswerQuery sleepingRows(int partitions, int millisPerRow) {
    List<List<Object>> rows = new ArrayList<>();
    for (long id = 0; id < 2L * partitions; id++) {
      rows.add(Arrays.asList(id, "null"));
    }
    return new KnownAnswerQuery("sleeping rows", sleepingSql(partitions, millisPerRow), Answer.inAnyOrder(rows));
  }

  private static String sleepingSql(int partitions, int millisPerRow) {
    return "SELECT id, reflect('java.lang.Thread', 'sleep', CAST(" + millisPerRow + " AS BIGINT)) AS s "
        + "FROM range(0, " + (2 * partitions) + ", 1, " + partitions + ")";
  }

  /** 0 + 1 + ... + (n - 1). */
  static long triangle(long n) {
    return n * (n - 1) / 2;
  }
}
