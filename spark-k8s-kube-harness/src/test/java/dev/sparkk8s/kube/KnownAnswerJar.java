package dev.sparkk8s.kube;

import dev.sparkk8s.local.SparkHome;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * The batch application of the jobs ITs (KubernetesJobsIT, LocalJobsIT), {@code PiJob} (test resource jobs/PiJob.java), compiled against a Spark
 * home's jars and packed as a jar: the Spark homes here have no examples jar.
 */
public final class KnownAnswerJar {

  public static final String MAIN_CLASS = "PiJob";

  private KnownAnswerJar() {
  }

  public static Path build(SparkHome home, Path dir) {
    try {
      Path src = Files.createDirectories(dir.resolve("src")).resolve("PiJob.java");
      try (InputStream in = KnownAnswerJar.class.getResourceAsStream("/jobs/PiJob.java")) {
        Files.write(src, in.readAllBytes());
      }
      Path classes = Files.createDirectories(dir.resolve("classes"));
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      String classPath;
      try (var jars = Files.list(home.jars())) {
        // The compiler API does not expand the launcher's "dir/*".
        classPath = String.join(File.pathSeparator, jars.map(Path::toString).sorted().toList());
      }
      int exit = javac.run(null, null, null, "-classpath", classPath, "-d", classes.toString(), src.toString());
      if (exit != 0) {
        throw new IllegalStateException("PiJob.java did not compile against " + home.jars());
      }
      Path jar = dir.resolve("pi-job.jar");
      try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
        for (Path cls : List.of(classes.resolve("PiJob.class"))) {
          out.putNextEntry(new JarEntry(cls.getFileName().toString()));
          Files.copy(cls, out);
          out.closeEntry();
        }
      }
      return jar;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
