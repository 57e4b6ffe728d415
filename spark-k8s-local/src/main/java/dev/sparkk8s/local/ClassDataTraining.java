package dev.sparkk8s.local;

import java.util.List;

/**
 * The workload a class-data archive is dumped from: a {@code local[2]} session running the kinds
 * of query the platform runs (aggregation, shuffled join, window, Parquet write and read), so the
 * archive holds the Spark classes every driver and executor loads. Started by
 * {@link ClassDataArchive} through spark-submit; calls Spark by reflection so that one compiled
 * class works with the 3.5 and the 4.1 jars.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {
  }

  static List<String> queries(String parquetDir) {
    return List.of(
        "SELECT sum(id), count(*) FROM range(0, 100000, 1, 2)",
        "SELECT /*+ MERGE(b) */ a.id % 10 AS g, count(*) FROM range(0, 20000, 1, 2) a "
            + "JOIN range(0, 20000, 1, 2) b ON a.id = b.id GROUP BY g",
        "SELECT max(r) FROM (SELECT row_number() OVER (PARTITION BY id % 10 ORDER BY id) AS r FROM range(0, 20000, 1, 2))",
        "INSERT OVERWRITE DIRECTORY '" + parquetDir + "' USING parquet SELECT id, id % 7 AS k FROM range(0, 20000, 1, 2)",
        "SELECT k, count(*) FROM parquet.`" + parquetDir + "` GROUP BY k");
  }

  public static void main(String[] args) throws Exception {
    Class<?> sessionClass = Class.forName("org.apache.spark.sql.SparkSession");
    Object builder = sessionClass.getMethod("builder").invoke(null);
    Object session = builder.getClass().getMethod("getOrCreate").invoke(builder);
    try {
      for (String sql : queries(args[0].replace("'", ""))) {
        Object frame = session.getClass().getMethod("sql", String.class).invoke(session, sql);
        frame.getClass().getMethod("collectAsList").invoke(frame);
      }
    } finally {
      session.getClass().getMethod("stop").invoke(session);
    }
  }
}
