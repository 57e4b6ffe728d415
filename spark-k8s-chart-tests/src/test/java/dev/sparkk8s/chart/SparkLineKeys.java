package dev.sparkk8s.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The Spark configuration keys one Spark line knows, read from the string constants of its own jars (the
 * Spark home the build assembles). A key is known when it is a constant, or a constant prefix joined to a
 * constant suffix (Scala builds many keys as {@code s"$PREFIX.name"}).
 */
final class SparkLineKeys {

  private static final Pattern TOKEN = Pattern.compile("(?:spark)?\\.[A-Za-z][A-Za-z0-9_.\\-]*");

  private final Set<String> constants;

  private SparkLineKeys(Set<String> constants) {
    this.constants = constants;
  }

  static SparkLineKeys of(String sparkLine) {
    Path jars = jarsDir(sparkLine);
    Set<String> constants = new HashSet<>();
    try (Stream<Path> files = Files.list(jars)) {
      for (Path jar : files.filter(f -> f.getFileName().toString().startsWith("spark-")).toList()) {
        read(jar, constants);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SparkLineKeys(constants);
  }

  /** The jars of the line's Spark home, as the build assembles it. */
  static Path jarsDir(String sparkLine) {
    Path jars = projectDir().resolve("spark-dist/spark-" + sparkLine + "/target/spark-home/jars");
    if (!Files.isDirectory(jars)) {
      // mvn -B verify assembles the homes before this module; run alone, the test says how to get them.
      throw new AssertionError("no Spark " + sparkLine + " home at " + jars + "; build the project first (mvn -B verify)");
    }
    return jars;
  }

  boolean knows(String key) {
    if (constants.contains(key)) {
      return true;
    }
    for (int dot = key.indexOf('.', "spark.".length()); dot > 0; dot = key.indexOf('.', dot + 1)) {
      if (constants.contains(key.substring(0, dot)) && constants.contains(key.substring(dot))) {
        return true;
      }
    }
    return false;
  }

  private static void read(Path jar, Set<String> constants) throws IOException {
    try (InputStream in = Files.newInputStream(jar); ZipInputStream zip = new ZipInputStream(in)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().endsWith(".class")) {
          Matcher m = TOKEN.matcher(new String(zip.readAllBytes(), StandardCharsets.ISO_8859_1));
          while (m.find()) {
            constants.add(m.group());
            // A constant of 46 characters has the length byte '.' (0x2E) before it in the class file.
            if (m.group().startsWith(".spark.")) {
              constants.add(m.group().substring(1));
            }
          }
        }
      }
    }
  }

  private static Path projectDir() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("spark-dist"))) {
        return p;
      }
    }
    throw new AssertionError("cannot find the project directory (with spark-dist/) from " + Path.of("").toAbsolutePath());
  }
}
