package dev.sparkk8s.bench;

import java.util.List;

/**
 * The throughput benchmark's fixed query mix, as SQL so a Spark Connect session and an in-process
 * session run exactly the same text: an aggregation over a range, a shuffled join with a
 * group-by, a window, and a Parquet write and read of a few MB.
 */
public final class QueryMix {

  private QueryMix() {
  }

  /** One pass of the mix; {@code dir} is where the Parquet files go (overwritten each pass). */
  public static List<String> pass(String dir) {
    String path = dir.replace("'", "");
    return List.of(
        "SELECT sum(id), count(*), avg(id), max(id % 1000) FROM range(0, 40000000, 1, 4)",
        // A sort-merge join (the hint keeps the small sides from being broadcast), then a group-by.
        "SELECT /*+ MERGE(b) */ a.id % 100 AS g, count(*), sum(b.v) FROM range(0, 600000, 1, 4) a "
            + "JOIN (SELECT id, id * 3 AS v FROM range(0, 600000, 1, 4)) b ON a.id = b.id GROUP BY g",
        "SELECT max(r), sum(s) FROM (SELECT row_number() OVER (PARTITION BY id % 100 ORDER BY id DESC) AS r, "
            + "sum(id) OVER (PARTITION BY id % 100) AS s FROM range(0, 300000, 1, 4))",
        "INSERT OVERWRITE DIRECTORY '" + path + "' USING parquet "
            + "SELECT id, id % 7 AS k, rand(42) AS x, concat('row-', id) AS s FROM range(0, 300000, 1, 4)",
        "SELECT k, count(*), avg(x), max(s) FROM parquet.`" + path + "` GROUP BY k");
  }
}
