package dev.sparkk8s.local;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The java command line {@code spark-class} would run: asks Spark's own launcher
 * ({@code org.apache.spark.launcher.Main}) with the process's environment, so daemon memory, JVM
 * module options and spark-submit's driver memory come from Spark, not from us.
 */
public final class SparkClassCommand {

  private SparkClassCommand() {
  }

  public static List<String> of(SparkHome home, List<String> sparkArgs, Map<String, String> env) {
    List<String> launcher = new ArrayList<>(List.of(javaBinary(), "-Xmx128m", "-cp",
        home.jars() + "/*", "org.apache.spark.launcher.Main"));
    launcher.addAll(sparkArgs);
    ProcessBuilder pb = new ProcessBuilder(launcher).redirectErrorStream(false);
    pb.environment().putAll(env);
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      // Both pipes at once: a launcher blocked on a full stderr pipe would never finish its stdout.
      FutureTask<String> stderr = new FutureTask<>(() -> new String(p.getErrorStream().readAllBytes(),
          StandardCharsets.UTF_8));
      Thread reader = new Thread(stderr, "spark-launcher-stderr");
      reader.setDaemon(true);
      reader.start();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      p.getInputStream().transferTo(out);
      String err = stderr(stderr);
      if (p.waitFor() != 0) {
        throw new LocalRuntimeException("Spark's launcher refused " + sparkArgs.get(0) + ": " + err.strip());
      }
      // NUL-separated, as spark-class reads it; the launcher may print whitespace before the first one.
      List<String> command = new ArrayList<>(Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\0"))
          .filter(s -> !s.isBlank()).toList());
      command.set(0, command.get(0).strip());
      return command;
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot run Spark's launcher: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LocalRuntimeException("interrupted while asking Spark's launcher", e);
    }
  }

  private static String stderr(FutureTask<String> reader) throws InterruptedException {
    try {
      return reader.get();
    } catch (ExecutionException e) {
      return "(cannot read its stderr: " + e.getCause().getMessage() + ")";
    }
  }

  /**
   * The java every local Spark process runs on: JAVA_HOME's, as spark-class and the image's
   * entrypoint choose, or else this JVM's.
   */
  static String javaBinary() {
    String javaHome = System.getenv("JAVA_HOME");
    String base = javaHome != null && !javaHome.isBlank() ? javaHome : System.getProperty("java.home");
    return Path.of(base, "bin", "java").toString();
  }
}
