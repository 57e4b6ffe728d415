package dev.sparkk8s.load;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;

/** One Spark Connect session running the scenario's mix and checking every answer. */
final class LoadSession {

  private final int index;
  private final SparkSession spark;
  private final ExpectedAnswers expected;
  private final String outputDir;
  private final List<QueryType> deck = new ArrayList<>();
  private final Random random;

  LoadSession(int index, SparkSession spark, ExpectedAnswers expected, Map<QueryType, Integer> weights, String outputDir) {
    this.index = index;
    this.spark = spark;
    this.expected = expected;
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
      List<List<Long>> actual = answer(type);
      List<List<Long>> want = expected.of(type);
      error = actual.equals(want) ? null : "wrong answer: expected " + want + " but got " + actual;
    } catch (Exception e) {
      error = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
    long end = System.nanoTime();
    return new QueryRecord(index, type, (start - runStartNanos) / 1_000_000, (end - start) / 1_000_000, error);
  }

  private List<List<Long>> answer(QueryType type) {
    if (type == QueryType.WRITE) {
      String path = outputDir + "/session-" + index;
      spark.sql(QueryMixSql.of(type)).write().mode("overwrite").parquet(path);
      return longs(spark.sql(QueryMixSql.readBack(path)).collectAsList());
    }
    return longs(spark.sql(QueryMixSql.of(type)).collectAsList());
  }

  private static List<List<Long>> longs(List<Row> rows) {
    List<List<Long>> out = new ArrayList<>();
    for (Row r : rows) {
      List<Long> values = new ArrayList<>();
      for (int i = 0; i < r.length(); i++) {
        values.add(r.isNullAt(i) ? null : ((Number) r.get(i)).longValue());
      }
      out.add(values);
    }
    return out;
  }
}
