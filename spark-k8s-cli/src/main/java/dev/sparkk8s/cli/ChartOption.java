package dev.sparkk8s.cli;

import dev.sparkk8s.render.ChartRenderer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --chart DIR}: the chart to use instead of the one bundled in the CLI. */
public class ChartOption {

  @Option(names = "--chart", paramLabel = "DIR",
      description = "Chart directory to use instead of the bundled spark-k8s chart.")
  Path chart;

  ChartRenderer renderer() {
    return chart == null ? ChartRenderer.bundled() : new ChartRenderer(chart);
  }
}
