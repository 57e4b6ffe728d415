package dev.sparkk8s.bench;

import dev.sparkk8s.connect.RowValues;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import dev.sparkk8s.connect.queries.WorkloadMix;
import java.lang.reflect.Method;
import java.util.List;
import org.apache.spark.sql.Row;

/**
 * The baseline: an in-process {@code SparkSession} (master from spark-submit, e.g. local[2]) in its
 * own JVM started from a Spark home's jars, with the query catalogue on its class path. Uses only
 * reflection on {@code org.apache.spark.sql.SparkSession}, so this one class runs on Spark 3.5 and
 * 4.1. Checks every answer (after its query's time is taken) and prints {@code BENCH ...} lines on
 * stdout for {@link LocalSessionRun}.
 *
 * <ul>
 *   <li>{@code first-query}: {@link KnownAnswers#firstQuery()}, then stop.</li>
 *   <li>{@code mix WARMUP PASSES DIR}: the {@link WorkloadMix}, each pass timed.</li>
 * </ul>
 */
public final class LocalSessionMain {

  private LocalSessionMain() {
  }

  public static void main(String[] args) throws Exception {
    Class<?> sessionClass = Class.forName("org.apache.spark.sql.SparkSession");
    Object builder = sessionClass.getMethod("builder").invoke(null);
    builder = call(builder, "appName", "spark-k8s-bench-local");
    Object session = call(builder, "getOrCreate");
    try {
      if (args[0].equals("first-query")) {
        KnownAnswerQuery first = KnownAnswers.firstQuery();
        WrongAnswer.check(first, collect(session, first.sql()), "local[2]");
        System.out.println("BENCH answered");
      } else {
        int warmup = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        List<KnownAnswerQuery> mix = WorkloadMix.pass(WorkloadMix.BENCHMARK, args[3]);
        for (int i = 0; i < warmup + passes; i++) {
          long ms = 0;
          StringBuilder each = new StringBuilder();
          for (KnownAnswerQuery q : mix) {
            long q0 = System.nanoTime();
            List<List<Object>> rows = collect(session, q.sql());
            long queryMs = (System.nanoTime() - q0) / 1_000_000;
            WrongAnswer.check(q, rows, "local[2]");
            ms += queryMs;
            each.append(' ').append(queryMs);
          }
          System.out.println("BENCH " + (i < warmup ? "warmup" : "pass") + " " + ms + " " + mix.size() + each);
        }
      }
      System.out.flush();
    } finally {
      call(session, "stop");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<List<Object>> collect(Object session, String sql) throws Exception {
    Object dataset = call(session, "sql", sql);
    return RowValues.of((List<Row>) call(dataset, "collectAsList"));
  }

  private static Object call(Object target, String name, Object... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    for (int i = 0; i < args.length; i++) {
      types[i] = args[i].getClass();
    }
    Method m = target.getClass().getMethod(name, types);
    return m.invoke(target, args);
  }
}
