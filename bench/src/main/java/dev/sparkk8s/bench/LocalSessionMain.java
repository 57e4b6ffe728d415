package dev.sparkk8s.bench;

import java.lang.reflect.Method;
import java.util.List;

/**
 * The baseline: an in-process {@code SparkSession} (master from spark-submit, e.g. local[2]) in its
 * own JVM started from a Spark home's jars. Uses only reflection on
 * {@code org.apache.spark.sql.SparkSession}, so this one class runs on Spark 3.5 and 4.1.
 * Prints {@code BENCH ...} lines on stdout for {@link LocalSessionRun}.
 *
 * <ul>
 *   <li>{@code first-query}: the first query, then stop.</li>
 *   <li>{@code mix WARMUP PASSES DIR}: the {@link QueryMix}, each pass timed.</li>
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
        Object[] rows = collect(session, "SELECT sum(id) FROM range(100)");
        System.out.println("BENCH answered " + rows[0]);
      } else {
        int warmup = Integer.parseInt(args[1]);
        int passes = Integer.parseInt(args[2]);
        List<String> mix = QueryMix.pass(args[3]);
        for (int i = 0; i < warmup + passes; i++) {
          long t0 = System.nanoTime();
          StringBuilder each = new StringBuilder();
          for (String sql : mix) {
            long q0 = System.nanoTime();
            collect(session, sql);
            each.append(' ').append((System.nanoTime() - q0) / 1_000_000);
          }
          long ms = (System.nanoTime() - t0) / 1_000_000;
          System.out.println("BENCH " + (i < warmup ? "warmup" : "pass") + " " + ms + " " + mix.size() + each);
        }
      }
      System.out.flush();
    } finally {
      call(session, "stop");
    }
  }

  private static Object[] collect(Object session, String sql) throws Exception {
    Object dataset = call(session, "sql", sql);
    return (Object[]) call(dataset, "collect");
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
