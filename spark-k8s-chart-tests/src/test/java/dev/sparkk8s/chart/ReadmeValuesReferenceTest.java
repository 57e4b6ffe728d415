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
    String section = readme.substring(readme.indexOf("## Values reference"));
    section = section.substring(0, section.indexOf("\n## ", 1) < 0 ? section.length() : section.indexOf("\n## ", 1));
    var listed = java.util.regex.Pattern.compile("(?m)^\\| `([A-Za-z0-9_.]+)` \\| `").matcher(section).results()
        .map(m -> m.group(1)).toList();
    assertThat(keys).containsAll(listed);
  }
}
