package dev.sparkk8s.load;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a load run measured, and the verdicts.
 *
 * @param serverMetrics what the servers did, read from Prometheus, or null when no Prometheus was given
 */
public record LoadResult(LoadOptions options, String serverSparkVersion, String backend, Instant start, Instant end,
    List<QueryRecord> records, ServerMetrics serverMetrics) {

  /** The same result with the server-side figures of its run. */
  public LoadResult withServerMetrics(ServerMetrics metrics) {
    return new LoadResult(options, serverSparkVersion, backend, start, end, records, metrics);
  }

  public LatencyStats overall() {
    return LatencyStats.of(records);
  }

  public Map<QueryType, LatencyStats> perType() {
    Map<QueryType, LatencyStats> out = new EnumMap<>(QueryType.class);
    for (QueryType t : QueryType.values()) {
      List<QueryRecord> of = records.stream().filter(r -> r.type() == t).toList();
      if (!of.isEmpty()) {
        out.put(t, LatencyStats.of(of));
      }
    }
    return out;
  }

  public double successRate() {
    return records.isEmpty() ? 0 : (double) records.stream().filter(QueryRecord::ok).count() / records.size();
  }

  public double throughputQps() {
    double seconds = Math.max(0.001, Duration.between(start, end).toMillis() / 1000.0);
    return records.size() / seconds;
  }

  public List<Criterion> criteria() {
    List<Criterion> out = new ArrayList<>();
    double min = options.effectiveMinSuccessRate();
    out.add(new Criterion("successRate", ">= " + min, String.format("%.4f", successRate()),
        !records.isEmpty() && successRate() >= min));
    Duration maxP95 = options.effectiveMaxP95();
    long p95 = overall().p95();
    out.add(new Criterion("latencyP95", "<= " + Durations.format(maxP95), p95 + "ms", p95 <= maxP95.toMillis()));
    return out;
  }

  public boolean green() {
    return criteria().stream().allMatch(Criterion::passed);
  }
}
