package dev.sparkk8s.connect;

import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.spark.sql.connect.SparkSession;

/**
 * What every test of a deployment (local, the Kubernetes harness, a real cluster) runs through its
 * Connect server: {@link KnownAnswers#deploymentQueries}, then two sessions that must not see each
 * other's temp views and settings.
 */
public final class DeploymentCheck {

  /** The outcome of one check: its name, and what was wrong (null when right). */
  public record Result(String name, String problem) {
    public boolean passed() {
      return problem == null;
    }

    @Override
    public String toString() {
      return name + (passed() ? ": ok" : ": " + problem);
    }
  }

  private DeploymentCheck() {
  }

  /**
   * Runs every check; a failure (an exception or a wrong answer) is a failed result, not a throw.
   *
   * @param parquetDir see {@link KnownAnswers#deploymentQueries}
   */
  public static List<Result> run(String connectUrl, String parquetDir) {
    List<Result> results = new ArrayList<>();
    SparkSession spark;
    try {
      spark = ConnectSessions.open(connectUrl);
    } catch (Exception e) {
      results.add(new Result("a session", e.getClass().getSimpleName() + ": " + e.getMessage()));
      return results;
    }
    try {
      for (KnownAnswerQuery q : KnownAnswers.deploymentQueries(parquetDir)) {
        results.add(check(q.name(), () -> ConnectQueries.problem(spark, q)));
      }
    } finally {
      ConnectSessions.close(spark);
    }
    results.add(check("two sessions isolated", () -> sessionsIsolated(connectUrl)));
    return results;
  }

  /** The checks that failed: empty when the deployment computes right. */
  public static List<Result> failures(String connectUrl, String parquetDir) {
    return run(connectUrl, parquetDir).stream().filter(r -> !r.passed()).toList();
  }

  private static Result check(String name, Supplier<String> problem) {
    try {
      return new Result(name, problem.get());
    } catch (Exception e) {
      return new Result(name, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  /** A temp view and a session setting of one session are invisible to another. */
  private static String sessionsIsolated(String connectUrl) {
    SparkSession a = ConnectSessions.open(connectUrl);
    SparkSession b = ConnectSessions.open(connectUrl);
    try {
      a.sql("CREATE OR REPLACE TEMP VIEW only_in_a AS SELECT 42 AS answer");
      a.sql("SET spark.sql.shuffle.partitions=3");
      if (a.sql("SELECT answer FROM only_in_a").first().getInt(0) != 42) {
        return "session A cannot read its own temp view";
      }
      try {
        b.sql("SELECT * FROM only_in_a").collectAsList();
        return "session B sees session A's temp view";
      } catch (Exception expected) {
        if (!String.valueOf(expected.getMessage()).contains("only_in_a")) {
          return "session B failed for another reason: " + expected.getMessage();
        }
      }
      if ("3".equals(b.sql("SET spark.sql.shuffle.partitions").first().getString(1))) {
        return "session B sees session A's setting";
      }
      return null;
    } finally {
      ConnectSessions.close(a);
      ConnectSessions.close(b);
    }
  }
}
