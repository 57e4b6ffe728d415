package dev.sparkk8s.jobs.local;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A local job's application: a file on this machine, given as a path, {@code file:///path} or {@code local:///path}
 * (the local Spark home plays the image, so "in the image" is this machine). Spark gets it as a {@code file:} URI,
 * which the worker copies into the driver's directory, as Standalone's cluster deploy mode does.
 */
public final class LocalApp {

  private LocalApp() {
  }

  /** The application's {@code file:} URI; exit code 2, naming it, when it is no readable file here. */
  public static String uri(String app) {
    Path path;
    if (app.startsWith("file:") || app.startsWith("local:")) {
      path = Path.of(pathOf(app));
    } else if (app.matches("[a-zA-Z][a-zA-Z0-9+.-]*://.*")) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "APP " + app + ": on the local platform give a file of this "
          + "machine (a path, file:///path or local:///path)");
    } else {
      path = Path.of(app);
    }
    if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "APP " + app + ": no readable file " + path.toAbsolutePath()
          + " on this machine");
    }
    return path.toAbsolutePath().normalize().toUri().toString();
  }

  private static String pathOf(String uri) {
    try {
      String path = URI.create(uri).getPath();
      return path == null ? "" : path;
    } catch (IllegalArgumentException e) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "APP " + uri + ": not a URI (" + e.getMessage() + ")");
    }
  }
}
