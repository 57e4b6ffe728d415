package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The containers {@code up --local} runs, rendered from the chart in this checkout. */
final class RenderedContainers {

  private RenderedContainers() {
  }

  static List<ChartContainer> of(String sparkVersion) {
    LocalOptions options = new LocalOptions(sparkVersion, UserValues.none(), null, null, Path.of("unused"),
        SparkHome.projectDir().resolve("charts/spark-k8s"));
    RenderedRelease release = LocalChart.render(options);
    return ChartContainer.of(release);
  }

  static ChartContainer of(String sparkVersion, Component component) {
    return of(sparkVersion).stream().filter(c -> c.component() == component).findFirst().orElseThrow();
  }

  /** The launch wrapper of a rendered container, expanded as the kubelet expands a command. */
  static LaunchWrapper launchWrapper(ChartContainer c) {
    return LaunchWrapper.of(c, word -> ContainerEnv.expand(word, Map.of()));
  }
}
