package dev.sparkk8s.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Queries with answers known in advance, run through a Spark Connect server: what every test of a
 * deployment (local, the Kubernetes harness, a real cluster) runs to prove Spark computes right.
 */
public final class KnownAnswerQueries {

  /** The outcome of one check: its name, and what was wrong (null when right). */
  public record Result(String name, String problem) {
    public boolean passed() {
      return problem == null;
    }

    @Override
    public String toString() {
      return name + (passed() ? ": ok" : ": " + problem);
    }
  }

  private KnownAnswerQueries() {
  }

  /**
   * Runs every check; a failure (an exception or a wrong answer) is a failed result, not a throw.
   *
   * @param parquetDir a directory every executor and the driver share (a local path on one machine,
   *                   s3a://... on a cluster), or null to skip the Parquet round trip
   */
  public static List<Result> runAll(String connectUrl, String parquetDir) {
    List<Result> results = new ArrayList<>();
    SparkSession spark = SparkSession.builder().remote(connectUrl).create();
    try {
      results.add(check("aggregation over a range", () -> aggregation(spark)));
      results.add(check("join with group-by", () -> joinGroupBy(spark)));
      results.add(check("window function", () -> window(spark)));
      if (parquetDir != null) {
        results.add(check("Parquet write and read back", () -> parquet(spark, parquetDir)));
      }
    } finally {
      ConnectProbe.closeQuietly(spark);
    }
    results.add(check("two sessions isolated", () -> sessionsIsolated(connectUrl)));
    return results;
  }

  private static Result check(String name, Supplier<String> problem) {
    try {
      return new Result(name, problem.get());
    } catch (Exception e) {
      return new Result(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String aggregation(SparkSession spark) {
    Row r = spark.sql("SELECT count(*), sum(id), max(id) FROM range(0, 1000000, 1, 8)").first();
    return expect("count, sum, max", List.of(1_000_000L, 499_999_500_000L, 999_999L),
        List.of(r.getLong(0), r.getLong(1), r.getLong(2)));
  }

  private static String joinGroupBy(SparkSession spark) {
    List<Row> rows = spark.sql("SELECT k, count(*), sum(v) FROM (SELECT id % 10 AS k, id AS v FROM range(1000)) a "
        + "JOIN (SELECT id AS k FROM range(5)) b USING (k) GROUP BY k ORDER BY k").collectAsList();
    List<List<Long>> expected = new ArrayList<>();
    List<List<Long>> actual = new ArrayList<>();
    for (long k = 0; k < 5; k++) {
      expected.add(List.of(k, 100L, 100 * k + 49_500));
    }
    rows.forEach(r -> actual.add(List.of(r.getLong(0), r.getLong(1), r.getLong(2))));
    return expect("(k, count, sum) rows", expected, actual);
  }

  private static String window(SparkSession spark) {
    List<Long> running = spark.sql("SELECT sum(id) OVER (PARTITION BY id % 2 ORDER BY id "
        + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM range(10) ORDER BY id").collectAsList()
        .stream().map(r -> r.getLong(0)).toList();
    return expect("running sums", List.of(0L, 1L, 2L, 4L, 6L, 9L, 12L, 16L, 20L, 25L), running);
  }

  private static String parquet(SparkSession spark, String dir) {
    spark.range(0, 1000).selectExpr("id", "id * 2 AS twice").write().mode("overwrite").parquet(dir);
    Row r = spark.read().parquet(dir).selectExpr("count(*)", "sum(twice)").first();
    return expect("count, sum(twice)", List.of(1000L, 999_000L), List.of(r.getLong(0), r.getLong(1)));
  }

  /** A temp view and a session setting of one session are invisible to another. */
  private static String sessionsIsolated(String connectUrl) {
    SparkSession a = SparkSession.builder().remote(connectUrl).create();
    SparkSession b = SparkSession.builder().remote(connectUrl).create();
    try {
      a.sql("CREATE OR REPLACE TEMP VIEW only_in_a AS SELECT 42 AS answer");
      a.sql("SET spark.sql.shuffle.partitions=3");
      if (a.sql("SELECT answer FROM only_in_a").first().getInt(0) != 42) {
        return "session A cannot read its own temp view";
      }
      try {
        b.sql("SELECT * FROM only_in_a").collectAsList();
        return "session B sees session A's temp view";
      } catch (Exception expected) {
        if (!String.valueOf(expected.getMessage()).contains("only_in_a")) {
          return "session B failed for another reason: " + expected.getMessage();
        }
      }
      if ("3".equals(b.sql("SET spark.sql.shuffle.partitions").first().getString(1))) {
        return "session B sees session A's setting";
      }
      return null;
    } finally {
      ConnectProbe.closeQuietly(a);
      ConnectProbe.closeQuietly(b);
    }
  }

  private static String expect(String what, Object expected, Object actual) {
    return expected.equals(actual) ? null : what + ": expected " + expected + " but got " + actual;
  }
}
