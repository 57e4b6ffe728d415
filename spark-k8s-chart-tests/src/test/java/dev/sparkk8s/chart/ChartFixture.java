package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** The repository's chart, rendered in-process with helm-java. */
final class ChartFixture {

  static final Path CHART_DIR = locateChart();
  private static final ChartRenderer RENDERER = new ChartRenderer(CHART_DIR);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private ChartFixture() {
  }

  /** Renders with {@code --set} pairs given as {@code "key=value"}. */
  static RenderedRelease render(String... sets) {
    return RENDERER.render(request(sets).build());
  }

  static RenderRequest.Builder request(String... sets) {
    RenderRequest.Builder b = RenderRequest.builder();
    Arrays.stream(sets).forEach(b::setArgument);
    return b;
  }

  static RenderedRelease render(RenderRequest request) {
    return RENDERER.render(request);
  }

  /** Only the {@code helm template} text, without parsing the objects: for comparing renders. */
  static String renderYaml(RenderRequest request) {
    return RENDERER.renderYaml(request);
  }

  /**
   * Writes a values file from dotted keys ({@code "spark.s3.enabled" -> true}); values keep their
   * YAML type (maps, lists, numbers), unlike {@code --set}.
   */
  static Path writeValues(Path file, Map<String, ?> dottedValues) {
    Map<String, Object> root = new LinkedHashMap<>();
    dottedValues.forEach((key, value) -> {
      String[] segments = key.split("\\.");
      Map<String, Object> map = root;
      for (int i = 0; i < segments.length - 1; i++) {
        @SuppressWarnings("unchecked")
        Map<String, Object> child =
            (Map<String, Object>) map.computeIfAbsent(segments[i], k -> new LinkedHashMap<String, Object>());
        map = child;
      }
      map.put(segments[segments.length - 1], value);
    });
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      YAML.writeValue(file.toFile(), root);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static Path locateChart() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path chart = dir.resolve("charts/spark-k8s");
      if (Files.isRegularFile(chart.resolve("Chart.yaml"))) {
        return chart;
      }
    }
    throw new IllegalStateException("charts/spark-k8s not found above " + Path.of("").toAbsolutePath());
  }
}
