package dev.sparkk8s.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The apache/spark image's {@code SPARK_HOME} as a local directory, for scripts the chart renders that call the image's
 * {@code bin/spark-submit} and {@code bin/spark-class} (a standalone-backend job's submit.sh): the Spark home's jars,
 * and those two commands asking Spark's launcher for the java command line as the image's scripts do.
 */
public final class ImageSparkHome {

  private static final String SPARK_CLASS = """
      #!/usr/bin/env bash
      # spark-k8s local runtime: the image's bin/spark-class. Spark's launcher prints the java command line,
      # NUL-separated; it runs in place of this script. Like load-spark-env.sh, it names the Scala version.
      home="$(cd "$(dirname "$0")/.." && pwd)"
      export SPARK_SCALA_VERSION="${SPARK_SCALA_VERSION:-@SCALA@}"
      command=()
      while IFS= read -d '' -r word; do
        word="${word#"${word%%[![:space:]]*}"}"
        [ -n "$word" ] && command+=("$word")
      done < <("@JAVA@" -Xmx128m -cp "$home/jars/*" org.apache.spark.launcher.Main "$@")
      [ "${#command[@]}" -gt 0 ] || exit 1
      exec "${command[@]}"
      """;

  private static final String SPARK_SUBMIT = """
      #!/usr/bin/env bash
      # spark-k8s local runtime: the image's bin/spark-submit.
      exec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"
      """;

  private ImageSparkHome() {
  }

  /** Makes the image's home for this Spark home under {@code dir} (kept as it is when there) and returns it. */
  public static Path create(SparkHome home, Path dir) {
    try {
      Path bin = Files.createDirectories(dir.resolve("bin"));
      Path jars = dir.resolve("jars");
      if (!Files.exists(jars, LinkOption.NOFOLLOW_LINKS)) {
        Files.createSymbolicLink(jars, home.jars().toAbsolutePath());
      }
      executable(bin.resolve("spark-class"), SPARK_CLASS.replace("@JAVA@", SparkClassCommand.javaBinary())
          .replace("@SCALA@", home.scalaVersion()));
      executable(bin.resolve("spark-submit"), SPARK_SUBMIT);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void executable(Path file, String text) throws IOException {
    Files.writeString(file, text);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
