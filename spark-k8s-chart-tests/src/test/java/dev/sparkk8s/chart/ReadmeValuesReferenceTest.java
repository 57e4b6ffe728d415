package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** The README's values reference names every key of values.yaml, and no key that is gone. */
class ReadmeValuesReferenceTest {

  @Test
  void readmeListsEveryValuesKey() throws IOException {
    String readme = Files.readString(ChartFixture.CHART_DIR.resolve("../../README.md"));
    var keys = ValuesLeaf.ofChartValues().stream().map(ValuesLeaf::dotted).toList();
    assertThat(keys).allSatisfy(key -> assertThat(readme).as("README values reference").contains("| `" + key + "` |"));
    var listed = java.util.regex.Pattern.compile("(?m)^\\| `([A-Za-z0-9_.]+)` \\| `").matcher(readme).results()
        .map(m -> m.group(1)).toList();
    assertThat(keys).containsAll(listed);
  }
}
