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
    firstQuery(connectUrl, client(connectUrl));
  }

  /**
   * A client for the server at this URL. Making one loads the Connect client's classes but sends
   * nothing, so it can be made while the server is still starting.
   */
  public static SparkSession client(String connectUrl) {
    return SparkSession.builder().remote(connectUrl).create();
  }

  /** {@link #firstQuery(String)} with a client made beforehand; closes it. */
  public static void firstQuery(String connectUrl, SparkSession session) {
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
