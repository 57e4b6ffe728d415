package dev.sparkk8s.load;

import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.SalesQueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.connect.SparkSession;

/** One Spark Connect session running the scenario's mix and checking every answer. */
final class LoadSession {

  private final int index;
  private final SparkSession spark;
  private final SalesQueries queries;
  private final String outputDir;
  private final List<QueryType> deck = new ArrayList<>();
  private final Random random;

  LoadSession(int index, SparkSession spark, SalesQueries queries, Map<QueryType, Integer> weights, String outputDir) {
    this.index = index;
    this.spark = spark;
    this.queries = queries;
    this.outputDir = outputDir;
    weights.forEach((type, weight) -> {
      for (int i = 0; i < weight; i++) {
        deck.add(type);
      }
    });
    this.random = new Random(42L + index);
  }

  QueryType next() {
    return deck.get(random.nextInt(deck.size()));
  }

  /** Runs one query; the record holds the error or the wrong answer, if any. */
  QueryRecord run(QueryType type, long runStartNanos) {
    long start = System.nanoTime();
    String error;
    try {
      String problem = ConnectQueries.problem(spark, query(type));
      error = problem == null ? null : "wrong answer: " + problem;
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    long end = System.nanoTime();
    return new QueryRecord(index, type, (start - runStartNanos) / 1_000_000, (end - start) / 1_000_000, error);
  }

  /** The query of this type; a write query writes first and is then checked by reading back. */
  private KnownAnswerQuery query(QueryType type) {
    return switch (type) {
      case SCAN -> queries.scan();
      case AGGREGATE -> queries.aggregate();
      case JOIN -> queries.join();
      case WINDOW -> queries.window();
      case WRITE -> {
        String path = outputDir + "/session-" + index;
        spark.sql(queries.writeSql()).write().mode("overwrite").parquet(path);
        yield queries.readBack(path);
      }
    };
  }
}
