package dev.sparkk8s.load;

import java.util.List;

/** Latency percentiles (nearest rank) of a set of queries, in milliseconds. */
public record LatencyStats(int queries, int failed, long p50, long p95, long p99, long max) {

  static LatencyStats of(List<QueryRecord> records) {
    long[] sorted = records.stream().mapToLong(QueryRecord::latencyMs).sorted().toArray();
    int failed = (int) records.stream().filter(r -> !r.ok()).count();
    return new LatencyStats(sorted.length, failed, percentile(sorted, 50), percentile(sorted, 95),
        percentile(sorted, 99), sorted.length == 0 ? 0 : sorted[sorted.length - 1]);
  }

  static long percentile(long[] sorted, int p) {
    if (sorted.length == 0) {
      return 0;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }
}
