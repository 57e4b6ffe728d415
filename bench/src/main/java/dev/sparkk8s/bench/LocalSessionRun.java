package dev.sparkk8s.bench;

import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.local.SparkClassCommand;
import dev.sparkk8s.local.SparkHome;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link LocalSessionMain} in a fresh JVM as spark-submit would: Spark's launcher
 * ({@code org.apache.spark.launcher.Main}) prints the real java command (JDK 17 module openings
 * and driver memory included), which is then run. The query catalogue's jar comes with
 * {@code --jars}, like the application jar, so the JVM's class path (and its class-data archive)
 * stays Spark's own. Returns the {@code BENCH} lines it printed,
 * each with the wall time since the launcher was started.
 */
final class LocalSessionRun {

  /** One {@code BENCH} line and when it arrived, in ms since the launch began. */
  record Line(long atMs, String text) {
  }

  private final SparkHome home;
  private final String master;
  private final Path logDir;
  private final List<String> jvmOptions;

  LocalSessionRun(SparkHome home, String master, Path logDir) {
    this(home, master, logDir, List.of());
  }

  /** With extra JVM options (for instance a class-data archive) before everything Spark's launcher chose. */
  LocalSessionRun(SparkHome home, String master, Path logDir, List<String> jvmOptions) {
    this.home = home;
    this.master = master;
    this.logDir = logDir;
    this.jvmOptions = List.copyOf(jvmOptions);
  }

  List<Line> run(String name, String... args) {
    long t0 = System.nanoTime();
    List<String> command = command(args);
    ProcessBuilder pb = new ProcessBuilder(command)
        .redirectError(logDir.resolve(name + ".log").toFile());
    pb.environment().putAll(env());
    List<Line> lines = new ArrayList<>();
    try {
      Process p = pb.start();
      p.getOutputStream().close();
      try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line; (line = out.readLine()) != null; ) {
          if (line.startsWith("BENCH ")) {
            lines.add(new Line((System.nanoTime() - t0) / 1_000_000, line.substring(6)));
          }
        }
      }
      int rc = p.waitFor();
      if (rc != 0) {
        throw new IllegalStateException("local session " + name + " exited with " + rc + "; see "
            + logDir.resolve(name + ".log"));
      }
      return lines;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a local session: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** What spark-submit would run for the baseline session: Spark's own launcher decides. */
  private List<String> command(String... args) {
    List<String> sparkArgs = new ArrayList<>(List.of("org.apache.spark.deploy.SparkSubmit", "--master", master,
        "--jars", codeSource(KnownAnswerQuery.class), "--class", LocalSessionMain.class.getName(),
        codeSource(LocalSessionMain.class)));
    sparkArgs.addAll(List.of(args));
    List<String> command = new ArrayList<>(SparkClassCommand.of(home, sparkArgs, env()));
    command.addAll(1, jvmOptions);
    return command;
  }

  private Map<String, String> env() {
    return home.env();
  }

  /** The jar (or classes directory) a class was loaded from: the bench's, or the query catalogue's. */
  private static String codeSource(Class<?> c) {
    try {
      return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
