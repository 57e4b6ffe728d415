package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The containers {@code up --local} runs, rendered from the chart in this checkout. */
final class RenderedContainers {

  private RenderedContainers() {
  }

  static List<ChartContainer> of(String sparkVersion) {
    LocalOptions options = new LocalOptions(sparkVersion, null, List.of(), List.of(), null, null, Path.of("unused"),
        SparkHome.projectDir().resolve("charts/spark-k8s"));
    RenderedRelease release = LocalChart.render(options);
    return ChartContainer.of(release);
  }

  static ChartContainer role(String sparkVersion, String role) {
    return of(sparkVersion).stream().filter(c -> c.role().equals(role)).findFirst().orElseThrow();
  }

  /** The launch wrapper of a rendered container, expanded as the kubelet expands a command. */
  static LaunchWrapper launchWrapper(ChartContainer c) {
    return LaunchWrapper.of(c, word -> ContainerEnv.expand(word, Map.of()));
  }
}
