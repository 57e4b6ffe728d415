package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.local.KnownAnswerQueries;
import java.nio.file.Path;
import org.apache.spark.sql.connect.SparkSession;

/** The known-answer queries as test assertions, and small Spark Connect helpers for tests. */
public final class QueryMix {

  private QueryMix() {
  }

  public static SparkSession session(String connectUrl) {
    return SparkSession.builder().remote(connectUrl).create();
  }

  /** Every {@link KnownAnswerQueries} check, with a Parquet round trip under {@code scratch}; fails listing what was wrong. */
  public static void runAll(String connectUrl, Path scratch) {
    var results = KnownAnswerQueries.runAll(connectUrl, scratch.resolve("parquet-roundtrip").toString());
    assertThat(results).as("known-answer queries through %s", connectUrl).hasSize(5)
        .allSatisfy(r -> assertThat(r.passed()).as(r.toString()).isTrue());
  }

  /** {@code SET key} through Spark Connect: the value the server's session has. */
  public static String setting(SparkSession spark, String key) {
    return spark.sql("SET " + key).first().getString(1);
  }
}
