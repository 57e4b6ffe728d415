package dev.sparkk8s.connect;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.connect.queries.KnownAnswers;
import org.apache.spark.sql.connect.SparkSession;

/**
 * Readiness of a Connect server as a user sees it: {@link KnownAnswers#firstQuery()} through the
 * Spark Connect JVM client, answered right.
 */
public final class ConnectProbe {

  private ConnectProbe() {
  }

  /** Runs the first query; throws with the server's message if it fails or answers wrong. */
  public static void firstQuery(String connectUrl) {
    firstQuery(connectUrl, ConnectSessions.client(connectUrl));
  }

  /** {@link #firstQuery(String)} with a client made beforehand ({@link ConnectSessions#client}); closes it. */
  public static void firstQuery(String connectUrl, SparkSession session) {
    String problem;
    try {
      ConnectSessions.matchServer(session);
      problem = ConnectQueries.problem(session, KnownAnswers.firstQuery());
    } catch (Exception e) {
      // Scala throws checked SparkExceptions that Java does not see declared.
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "the Connect server at " + ConnectUrls.redacted(connectUrl)
          + " failed a first query: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), e);
    } finally {
      ConnectSessions.close(session);
    }
    if (problem != null) {
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "the Connect server at " + ConnectUrls.redacted(connectUrl)
          + " answered a first query wrong: " + problem);
    }
  }
}
