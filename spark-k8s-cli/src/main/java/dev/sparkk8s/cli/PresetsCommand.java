package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.render.Presets;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code spark-k8s presets}: one line per preset, its name and its description. */
@Command(name = "presets",
    description = "List the chart's presets (use one with --preset NAME).")
public class PresetsCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ChartOption chart;

  @Override
  public Integer call() {
    List<Presets.Preset> presets = chart.renderer().presets().list();
    int width = presets.stream().mapToInt(p -> p.name().length()).max().orElse(0);
    PrintWriter out = terminal.out();
    for (Presets.Preset preset : presets) {
      out.println(String.format("%-" + width + "s  %s", preset.name(), preset.description()).stripTrailing());
    }
    out.flush();
    return ExitCode.OK.status();
  }
}
