package dev.sparkk8s.chart;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What one Spark line's own jars (the Spark home the build assembles) say, asked of their classes. */
final class SparkLineJars {

  private SparkLineJars() {
  }

  /** The JVM options Spark's launcher gives a JVM it starts ({@code JavaModuleOptions.defaultModuleOptions()}). */
  static String javaModuleOptions(String sparkLine) throws Exception {
    Path launcher;
    try (Stream<Path> jars = Files.list(SparkLineKeys.jarsDir(sparkLine))) {
      launcher = jars.filter(j -> j.getFileName().toString().startsWith("spark-launcher_")).findFirst()
          .orElseThrow(() -> new AssertionError("no spark-launcher jar in the Spark " + sparkLine + " home"));
    }
    try (URLClassLoader loader = new URLClassLoader(new URL[] {launcher.toUri().toURL()}, null)) {
      return (String) loader.loadClass("org.apache.spark.launcher.JavaModuleOptions")
          .getMethod("defaultModuleOptions").invoke(null);
    }
  }
}
