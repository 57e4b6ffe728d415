package dev.sparkk8s.local;

import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import java.util.List;
import org.apache.spark.sql.connect.SparkSession;

/**
 * What {@code up}, {@code load} and the benchmarks do with a Connect server, in a JVM of its own so
 * that its whole output can be read: the first-query probe, the deployment checks, and the slow
 * queries. Prints one line per query, {@code ok NAME} or {@code wrong NAME: ...}.
 */
public final class ConnectClientRun {

  private ConnectClientRun() {
  }

  /** Arguments: the Connect URL, a directory for Parquet files. */
  public static void main(String[] args) {
    String url = args[0];
    ConnectProbe.firstQuery(url);
    System.out.println("ok first query");
    DeploymentCheck.run(url, args[1] + "/deployment").forEach(r -> System.out.println(
        (r.passed() ? "ok " : "wrong ") + r));
    List<KnownAnswerQuery> queries = List.of(KnownAnswers.slowSum(2, 10), KnownAnswers.sleepingRows(2, 10),
        KnownAnswers.rangeSum(100_000, 4));
    SparkSession spark = ConnectSessions.open(url);
    try {
      for (KnownAnswerQuery q : queries) {
        String problem = ConnectQueries.problem(spark, q);
        System.out.println(problem == null ? "ok " + q.name() : "wrong " + q.name() + ": " + problem);
      }
    } finally {
      ConnectSessions.close(spark);
    }
  }
}
