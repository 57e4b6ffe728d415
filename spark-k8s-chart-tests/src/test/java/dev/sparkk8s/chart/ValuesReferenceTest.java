package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * docs/values.md is what values.yaml and values.schema.json generate. With
 * {@code -Dvalues-reference.write=true} it is written first ({@link ValuesReference#REGENERATE}).
 */
class ValuesReferenceTest {

  @Test
  void everyKeyHasADescriptionAndAType() throws IOException {
    assertThat(ValuesReference.ofChart().problems()).as("values keys the reference cannot describe").isEmpty();
  }

  @Test
  void describesEveryLeafKey() throws IOException {
    assertThat(ValuesReference.ofChart().keys())
        .containsExactlyElementsOf(ValuesLeaf.ofChartValues().stream().map(ValuesLeaf::dotted).toList());
  }

  @Test
  void committedReferenceIsTheGeneratedOne() throws IOException {
    String generated = ValuesReference.ofChart().markdown();
    if (Boolean.getBoolean("values-reference.write")) {
      Files.writeString(ValuesReference.FILE, generated);
    }
    String committed = Files.exists(ValuesReference.FILE) ? Files.readString(ValuesReference.FILE) : "";
    assertThat(ValuesReference.differences(committed, generated))
        .as("%s differs from what values.yaml and values.schema.json give; regenerate it with:%n  %s",
            ValuesReference.FILE, ValuesReference.REGENERATE)
        .isEmpty();
  }

  @Test
  void differencesNameTheKeys() throws IOException {
    String generated = ValuesReference.ofChart().markdown();
    String committed = generated
        .replaceFirst("(?m)^\\| `spark\\.version` \\|.*\\n", "")
        .replaceFirst("(?m)^(\\| `rbac\\.create` \\|.*)Create", "$1Make")
        .concat("| `spark.gone` | string | `x` | Removed. |\n");
    assertThat(ValuesReference.differences(committed, generated)).satisfiesExactly(
        line -> assertThat(line).startsWith("spark.version: in values.yaml, missing"),
        line -> assertThat(line).startsWith("rbac.create: differs").contains("Make the Role", "Create the Role"),
        line -> assertThat(line).startsWith("spark.gone: in docs/values.md, no longer"));
    assertThat(ValuesReference.differences(generated.replace("# Values reference", "# Values"), generated))
        .containsExactly("the text around the table differs");
  }

  @Test
  void readmeLinksTheReference() throws IOException {
    assertThat(Files.readString(ChartFixture.CHART_DIR.resolve("../../README.md"))).contains("](docs/values.md)");
  }
}
