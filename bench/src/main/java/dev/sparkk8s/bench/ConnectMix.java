package dev.sparkk8s.bench;

import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.RowValues;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.WorkloadMix;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Runs the {@link WorkloadMix} through the Spark Connect JVM client; returns each timed pass in ms.
 * Every answer is checked (after its query's time is taken): a wrong one ends the benchmark.
 */
final class ConnectMix {

  private ConnectMix() {
  }

  static List<Long> run(String connectUrl, int warmup, int passes, String parquetDir) {
    List<KnownAnswerQuery> mix = WorkloadMix.pass(WorkloadMix.BENCHMARK, parquetDir);
    List<Long> timed = new ArrayList<>();
    SparkSession session = ConnectSessions.open(connectUrl);
    try {
      for (int i = 0; i < warmup + passes; i++) {
        long ms = 0;
        StringBuilder each = new StringBuilder();
        for (KnownAnswerQuery q : mix) {
          long q0 = System.nanoTime();
          List<Row> rows = session.sql(q.sql()).collectAsList();
          long queryMs = (System.nanoTime() - q0) / 1_000_000;
          WrongAnswer.check(q, RowValues.of(rows), "Spark Connect");
          ms += queryMs;
          each.append(' ').append(queryMs);
        }
        Log.say("  connect " + (i < warmup ? "warm-up" : "pass " + (i - warmup + 1)) + ": " + ms + " ms (per query:" + each + ")");
        if (i >= warmup) {
          timed.add(ms);
        }
      }
      return timed;
    } finally {
      ConnectSessions.close(session);
    }
  }
}
