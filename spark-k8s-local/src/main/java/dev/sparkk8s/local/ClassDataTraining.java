package dev.sparkk8s.local;

/**
 * The workload a class-data archive is dumped from: a {@code local[2]} session running the SQL it is
 * given ({@link dev.sparkk8s.connect.queries.WorkloadMix#TRAINING}: the kinds of query the platform
 * runs), so the archive holds the Spark classes every driver and executor loads. Started by
 * {@link ClassDataArchive} through spark-submit, in a jar of this class alone; calls Spark by
 * reflection so that one compiled class works with the 3.5 and the 4.1 jars.
 */
public final class ClassDataTraining {

  private ClassDataTraining() {
  }

  /** Runs each argument as a query. */
  public static void main(String[] args) throws Exception {
    Class<?> sessionClass = Class.forName("org.apache.spark.sql.SparkSession");
    Object builder = sessionClass.getMethod("builder").invoke(null);
    Object session = builder.getClass().getMethod("getOrCreate").invoke(builder);
    try {
      for (String sql : args) {
        Object frame = session.getClass().getMethod("sql", String.class).invoke(session, sql);
        frame.getClass().getMethod("collectAsList").invoke(frame);
      }
    } finally {
      session.getClass().getMethod("stop").invoke(session);
    }
  }
}
