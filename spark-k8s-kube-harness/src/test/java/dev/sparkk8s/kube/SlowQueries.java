package dev.sparkk8s.kube;

/** Queries that keep executors busy long enough to change the cluster under them, with known answers. */
public final class SlowQueries {

  private SlowQueries() {
  }

  /**
   * {@code partitions} tasks of 2 rows each, every row sleeping {@code millisPerRow} on its executor;
   * answers {@code sum(id)} over {@code 0 .. 2*partitions-1} and the row count.
   */
  public static String sumWithShuffle(int partitions, int millisPerRow) {
    return "SELECT sum(id), count(s) FROM (" + sleepingRows(partitions, millisPerRow) + ")";
  }

  /** The same rows without any shuffle: a map-only stage, so executors hold no shuffle data after it. */
  public static String sleepingRows(int partitions, int millisPerRow) {
    return "SELECT id, reflect('java.lang.Thread', 'sleep', CAST(" + millisPerRow + " AS BIGINT)) AS s "
        + "FROM range(0, " + (2 * partitions) + ", 1, " + partitions + ")";
  }

  public static long expectedSum(int partitions) {
    long n = 2L * partitions;
    return n * (n - 1) / 2;
  }
}
