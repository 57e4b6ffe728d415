package dev.sparkk8s.render;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test chart and the real chart are. */
public final class TestCharts {

  private TestCharts() {
  }

  /** The tiny chart under src/test/resources/test-chart, for mechanics. */
  public static Path tiny() {
    try {
      return Path.of(TestCharts.class.getResource("/test-chart/Chart.yaml").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The real chart, charts/spark-k8s in the repository. */
  public static Path real() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path chart = module.toAbsolutePath().getParent().resolve("charts").resolve("spark-k8s");
    if (!Files.isRegularFile(chart.resolve("Chart.yaml"))) {
      throw new AssertionError("the real chart is missing: " + chart);
    }
    return chart;
  }
}
