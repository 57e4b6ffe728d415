package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.local.ConnectProbe;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;

/** Queries with answers known in advance, run through a deployed Spark Connect server. */
public final class QueryMix {

  private QueryMix() {
  }

  public static SparkSession session(String connectUrl) {
    return SparkSession.builder().remote(connectUrl).create();
  }

  public static void runAll(String connectUrl, Path scratch) {
    SparkSession spark = session(connectUrl);
    try {
      aggregationOverARange(spark);
      joinWithGroupBy(spark);
      windowFunction(spark);
      parquetWriteAndReadBack(spark, scratch.resolve("parquet-roundtrip").toString());
    } finally {
      ConnectProbe.closeQuietly(spark);
    }
    sessionsAreIsolated(connectUrl);
  }

  static void aggregationOverARange(SparkSession spark) {
    Row r = spark.sql("SELECT count(*), sum(id), max(id) FROM range(0, 1000000, 1, 8)").first();
    assertThat(r.getLong(0)).isEqualTo(1_000_000L);
    assertThat(r.getLong(1)).isEqualTo(499_999_500_000L);
    assertThat(r.getLong(2)).isEqualTo(999_999L);
  }

  static void joinWithGroupBy(SparkSession spark) {
    List<Row> rows = spark.sql("SELECT k, count(*), sum(v) FROM (SELECT id % 10 AS k, id AS v FROM range(1000)) a "
        + "JOIN (SELECT id AS k FROM range(5)) b USING (k) GROUP BY k ORDER BY k").collectAsList();
    assertThat(rows).hasSize(5);
    for (Row row : rows) {
      long k = row.getLong(0);
      assertThat(row.getLong(1)).as("count for k=%d", k).isEqualTo(100L);
      assertThat(row.getLong(2)).as("sum for k=%d", k).isEqualTo(100 * k + 49_500);
    }
  }

  static void windowFunction(SparkSession spark) {
    List<Row> rows = spark.sql("SELECT id, sum(id) OVER (PARTITION BY id % 2 ORDER BY id "
        + "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) FROM range(10) ORDER BY id").collectAsList();
    assertThat(rows).extracting(r -> r.getLong(1)).containsExactly(0L, 1L, 2L, 4L, 6L, 9L, 12L, 16L, 20L, 25L);
  }

  static void parquetWriteAndReadBack(SparkSession spark, String dir) {
    spark.range(0, 1000).selectExpr("id", "id * 2 AS twice").write().mode("overwrite").parquet(dir);
    Row r = spark.read().parquet(dir).selectExpr("count(*)", "sum(twice)").first();
    assertThat(r.getLong(0)).isEqualTo(1000L);
    assertThat(r.getLong(1)).isEqualTo(999_000L);
  }

  /** Temp views and session configuration of one session are invisible to another. */
  static void sessionsAreIsolated(String connectUrl) {
    SparkSession a = session(connectUrl);
    SparkSession b = session(connectUrl);
    try {
      a.sql("CREATE OR REPLACE TEMP VIEW only_in_a AS SELECT 42 AS answer");
      a.sql("SET spark.sql.shuffle.partitions=3");
      assertThat(a.sql("SELECT answer FROM only_in_a").first().getInt(0)).isEqualTo(42);
      assertThatThrownBy(() -> b.sql("SELECT * FROM only_in_a").collectAsList())
          .hasMessageContaining("only_in_a");
      assertThat(setting(a, "spark.sql.shuffle.partitions")).isEqualTo("3");
      assertThat(setting(b, "spark.sql.shuffle.partitions")).isNotEqualTo("3");
    } finally {
      ConnectProbe.closeQuietly(a);
      ConnectProbe.closeQuietly(b);
    }
  }

  /** {@code SET key} through Spark Connect: the value the server's session has. */
  public static String setting(SparkSession spark, String key) {
    return spark.sql("SET " + key).first().getString(1);
  }
}
