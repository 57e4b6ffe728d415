package dev.sparkk8s.bench;

import dev.sparkk8s.local.ConnectProbe;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connect.SparkSession;

/** Runs the {@link QueryMix} through the Spark Connect JVM client; returns each timed pass in ms. */
final class ConnectMix {

  private ConnectMix() {
  }

  static List<Long> run(String connectUrl, int warmup, int passes, String parquetDir) {
    List<String> mix = QueryMix.pass(parquetDir);
    SparkSession session = SparkSession.builder().remote(connectUrl).create();
    List<Long> timed = new ArrayList<>();
    try {
      for (int i = 0; i < warmup + passes; i++) {
        long t0 = System.nanoTime();
        StringBuilder each = new StringBuilder();
        for (String sql : mix) {
          long q0 = System.nanoTime();
          session.sql(sql).collect();
          each.append(' ').append((System.nanoTime() - q0) / 1_000_000);
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        Log.say("  connect " + (i < warmup ? "warm-up" : "pass " + (i - warmup + 1)) + ": " + ms + " ms (per query:" + each + ")");
        if (i >= warmup) {
          timed.add(ms);
        }
      }
      return timed;
    } finally {
      ConnectProbe.closeQuietly(session);
    }
  }
}
