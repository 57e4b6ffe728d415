package dev.sparkk8s.local;

import org.apache.spark.sql.connect.SparkSession;

/**
 * Readiness of a Connect server as a user sees it: a query through the Spark Connect JVM client,
 * answered right.
 */
public final class ConnectProbe {

  private ConnectProbe() {
  }

  /** Runs {@code range(100).sum} through Spark Connect; throws with the server's message if it fails. */
  public static void firstQuery(String connectUrl) {
    SparkSession session = SparkSession.builder().remote(connectUrl).create();
    long sum;
    try {
      sum = session.sql("SELECT sum(id) FROM range(100)").first().getLong(0);
    } catch (Exception e) {
      // Scala throws checked SparkExceptions that Java does not see declared.
      throw new LocalRuntimeException("the Connect server at " + connectUrl + " failed a first query: "
          + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    } finally {
      closeQuietly(session);
    }
    if (sum != 4950) {
      throw new LocalRuntimeException("the Connect server at " + connectUrl + " answered " + sum + " instead of 4950");
    }
  }

  /**
   * Closes a session. A 3.5 server has no ReleaseSession RPC (UNIMPLEMENTED), which the 4.1 client
   * calls on close; the session then simply expires on the server.
   */
  public static void closeQuietly(SparkSession session) {
    try {
      session.close();
    } catch (Exception e) {
      if (!String.valueOf(e.getMessage()).contains("UNIMPLEMENTED")) {
        throw e;
      }
    }
  }
}
