package dev.sparkk8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The chart that travels inside the render jar (resources under {@code dev/sparkk8s/charts/}),
 * extracted to a temporary directory once per JVM and deleted when the JVM exits.
 */
final class BundledChart {

  static final String RESOURCE_ROOT = "dev/sparkk8s/charts/";
  static final String CHART_NAME = "spark-k8s";

  private BundledChart() {
  }

  private static final class Holder {
    static final Path DIRECTORY = extract();
  }

  /** The extracted chart directory ({@code .../spark-k8s}, holding {@code Chart.yaml}). */
  static Path directory() {
    return Holder.DIRECTORY;
  }

  private static Path extract() {
    String marker = RESOURCE_ROOT + CHART_NAME + "/Chart.yaml";
    URL url = BundledChart.class.getClassLoader().getResource(marker);
    if (url == null) {
      throw new ChartException("the chart is not bundled in this build (no " + marker
          + " on the class path); rebuild with mvn package or pass --chart DIR");
    }
    try {
      Path target = Files.createTempDirectory("spark-k8s-chart-").resolve(CHART_NAME);
      Runtime.getRuntime().addShutdownHook(new Thread(() -> FileTrees.deleteQuietly(target.getParent())));
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        try (FileSystem jar = openJar(uri)) {
          FileTrees.copy(jar.getPath("/" + RESOURCE_ROOT + CHART_NAME), target);
        }
      } else {
        FileTrees.copy(Path.of(uri).getParent(), target);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot extract the bundled chart: " + e.getMessage(), e);
    } catch (URISyntaxException e) {
      throw new ChartException("cannot locate the bundled chart: " + url, e);
    }
  }

  private static FileSystem openJar(URI uri) throws IOException {
    String jarUri = uri.toString().substring(0, uri.toString().indexOf("!/") + 2);
    try {
      return FileSystems.newFileSystem(URI.create(jarUri), Map.of());
    } catch (FileSystemAlreadyExistsException e) {
      // Someone else owns it; copy through a private view of the same jar file.
      Path jarFile = Path.of(URI.create(jarUri.substring("jar:".length(), jarUri.length() - 2)));
      return FileSystems.newFileSystem(jarFile, (ClassLoader) null);
    }
  }
}
