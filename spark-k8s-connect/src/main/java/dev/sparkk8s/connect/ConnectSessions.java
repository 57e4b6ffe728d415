package dev.sparkk8s.connect;

import org.apache.spark.sql.connect.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.Option;

/**
 * Opening and closing Spark Connect sessions with the 4.1 JVM client, against 4.1 and 3.5 servers.
 * A 3.5 server has neither plan compression (4.1) nor the ReleaseSession RPC (4.0), which the 4.1
 * client uses by default and otherwise reports with warnings and stack traces: {@link #open} turns
 * plan compression off for such a server, and {@link #close} releases the session itself.
 */
public final class ConnectSessions {

  private static final Logger LOG = LoggerFactory.getLogger(ConnectSessions.class);
  private static final int[] PLAN_COMPRESSION_SINCE = {4, 1};

  private ConnectSessions() {
  }

  /** A session matched to its server (one round trip): what every caller wants once the server is up. */
  public static SparkSession open(String connectUrl) {
    SparkSession session = client(connectUrl);
    try {
      matchServer(session);
      return session;
    } catch (RuntimeException e) {
      // The server never answered: there is no session to release, and trying would wait out the retries again.
      session.releaseSessionOnClose_$eq(false);
      session.close();
      throw e;
    }
  }

  /**
   * A session that has sent nothing yet: making it loads the client's classes, so it can be made
   * while the server is still starting. Call {@link #matchServer} before its first query.
   */
  public static SparkSession client(String connectUrl) {
    return SparkSession.builder().remote(connectUrl).create();
  }

  /** Asks the server's version (the client keeps it) and turns plan compression off when the server has none. */
  public static void matchServer(SparkSession session) {
    String version = session.version();
    if (!atLeast(version, PLAN_COMPRESSION_SINCE)) {
      LOG.debug("Spark Connect server {} has no plan compression; the client sends plans as they are", version);
      session.client().setPlanCompressionOptions(Option.empty());
    }
  }

  /**
   * Releases the session on the server, then closes the client. A 3.5 server answers the release
   * UNIMPLEMENTED (its sessions expire instead); the round trip still lets the releases of finished
   * queries, which the client sends in the background, reach the server before the channel closes.
   */
  public static void close(SparkSession session) {
    session.releaseSessionOnClose_$eq(false);
    try {
      session.client().releaseSession();
    } catch (Exception e) {
      // Scala throws checked SparkExceptions that Java does not see declared.
      if (!String.valueOf(e.getMessage()).contains("UNIMPLEMENTED")) {
        LOG.debug("releasing Spark Connect session {} failed", session.sessionId(), e);
      }
    }
    session.close();
  }

  static boolean atLeast(String version, int[] minimum) {
    String[] parts = version.split("[.-]");
    for (int i = 0; i < minimum.length; i++) {
      int part = i < parts.length && parts[i].matches("\\d+") ? Integer.parseInt(parts[i]) : 0;
      if (part != minimum[i]) {
        return part > minimum[i];
      }
    }
    return true;
  }
}
