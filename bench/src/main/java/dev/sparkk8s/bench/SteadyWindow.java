package dev.sparkk8s.bench;

import dev.sparkk8s.load.LoadResult;
import dev.sparkk8s.load.QueryRecord;
import java.time.Duration;

/**
 * Queries/s of a load run once its sessions have settled: the queries that ended between {@code settle} and
 * {@code settle + window} after the run's start, over the window. New Spark Connect sessions compile their own
 * generated code on their first queries, and at 32 sessions a query waits 10 s or more, so the first seconds of a
 * run and the queries still running when it stops say how a step began and ended, not what the server sustains.
 */
record SteadyWindow(Duration settle, Duration window) {

  Duration total() {
    return settle.plus(window);
  }

  double qps(LoadResult result) {
    long from = settle.toMillis();
    long to = total().toMillis();
    long ended = result.records().stream().mapToLong(SteadyWindow::endMs).filter(end -> end >= from && end < to).count();
    return ended / (window.toMillis() / 1000.0);
  }

  private static long endMs(QueryRecord query) {
    return query.offsetMs() + query.latencyMs();
  }
}
