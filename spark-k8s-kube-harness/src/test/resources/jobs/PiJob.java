import org.apache.spark.sql.SparkSession;

/**
 * SparkPi's known answer without its randomness: the Leibniz series of pi over ARGS[0] terms, summed by the
 * executors. With "fail" as the first argument it exits 3 after starting, as a failing driver does.
 */
public class PiJob {
  public static void main(String[] args) {
    SparkSession spark = SparkSession.builder().getOrCreate();
    if (args[0].equals("fail")) {
      System.exit(3);
    }
    long terms = Long.parseLong(args[0]);
    double pi = spark.range(0, terms, 1, 2)
        .selectExpr("cast(sum(4.0D * (1 - 2 * (id % 2)) / (2 * id + 1)) as double) as pi").first().getDouble(0);
    System.out.println("Pi is roughly " + pi);
    if (args.length > 1) {
      // Keeps the driver running for the test that kills it.
      try {
        Thread.sleep(Long.parseLong(args[1]) * 1000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    spark.stop();
  }
}
