package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.Presets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PresetsCommandTest {

  @Test
  void oneLinePerPresetNamePaddedThenDescription() {
    Cli.Result r = Cli.run("presets");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    List<Presets.Preset> presets = ChartRenderer.bundled().presets().list();
    assertThat(presets).isNotEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(presets.size());
    int column = presets.stream().mapToInt(p -> p.name().length()).max().orElseThrow() + 2;
    for (int i = 0; i < presets.size(); i++) {
      Presets.Preset preset = presets.get(i);
      assertThat(lines.get(i)).startsWith(preset.name() + " ")
          .isEqualTo(String.format("%-" + column + "s%s", preset.name(), preset.description()));
      assertThat(preset.description()).isNotBlank();
    }
  }
}
