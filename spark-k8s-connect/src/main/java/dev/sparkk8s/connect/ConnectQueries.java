package dev.sparkk8s.connect;

import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import org.apache.spark.sql.connect.SparkSession;

/** Known-answer queries run through a Spark Connect session. */
public final class ConnectQueries {

  private ConnectQueries() {
  }

  /** Runs the query; what was wrong with its answer, or null when right. Spark's errors are thrown. */
  public static String problem(SparkSession spark, KnownAnswerQuery query) {
    return query.problem(RowValues.of(spark.sql(query.sql()).collectAsList()));
  }
}
