package dev.sparkk8s.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A local Spark installation like an image's /opt/spark: {@code jars/} and a {@code RELEASE} file.
 * The build assembles one per Spark line under {@code spark-dist/spark-<version>/target/spark-home}.
 */
public record SparkHome(String sparkVersion, Path dir) {

  private static final Map<String, String> SCALA = Map.of("3.5", "2.12", "4.1", "2.13");

  public static final String HOME_PROPERTY = "spark-k8s.home";
  /**
   * What makes the Spark homes and the other parts the local runtime runs: the README's build command, printed in
   * "build it with" hints. It builds without running the tests (a user who only wants to run the platform);
   * the README's test command, mvn -B verify, runs them all.
   */
  static final String BUILD_COMMAND = "mvn -B -q install -DskipTests";

  public SparkHome {
    if (!SCALA.containsKey(sparkVersion)) {
      throw new LocalInputException("--spark " + sparkVersion + ": not a supported Spark line; use 3.5 or 4.1");
    }
    if (!Files.isDirectory(dir.resolve("jars"))) {
      throw new LocalRuntimeException("no Spark " + sparkVersion + " home at " + dir
          + " (no jars/); build it with: " + BUILD_COMMAND);
    }
  }

  /**
   * The home the build made for this Spark line, found from the project directory (system property
   * {@value #HOME_PROPERTY}, set by bin/spark-k8s, else the working directory and its parents).
   */
  public static SparkHome built(String sparkVersion) {
    Path project = projectDir();
    return new SparkHome(sparkVersion, project.resolve("spark-dist/spark-" + sparkVersion + "/target/spark-home"));
  }

  public String scalaVersion() {
    return SCALA.get(sparkVersion);
  }

  public Path jars() {
    return dir.resolve("jars");
  }

  /** What every process of this home needs in its environment; every Spark service binds to loopback here. */
  public Map<String, String> env() {
    return Map.of("SPARK_HOME", dir.toString(), "SPARK_SCALA_VERSION", scalaVersion(),
        "SPARK_LOCAL_IP", LocalAddresses.LOOPBACK);
  }

  static Path projectDir() {
    String configured = System.getProperty(HOME_PROPERTY);
    if (configured != null) {
      return Path.of(configured);
    }
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("spark-dist"))) {
        return p;
      }
    }
    throw new LocalRuntimeException("cannot find the spark-k8s project directory (with spark-dist/); "
        + "run bin/spark-k8s from the repository");
  }
}
