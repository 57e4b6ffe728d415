package dev.sparkk8s.cli;

import dev.sparkk8s.render.UserValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The values a command renders the chart with: a preset, values files, {@code --set} pairs. */
public class ValuesInputs {

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Preset to start from (see 'spark-k8s presets'); applied before -f and --set.")
  String preset;

  @Option(names = {"-f", "--values"}, paramLabel = "FILE",
      description = "Values file, applied after the preset; repeat for several, later ones win.")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a value (a.b=c; several pairs a=1,b=2), applied last; later ones win.")
  List<String> sets = new ArrayList<>();

  UserValues userValues() {
    return new UserValues(preset, valuesFiles, sets);
  }
}
