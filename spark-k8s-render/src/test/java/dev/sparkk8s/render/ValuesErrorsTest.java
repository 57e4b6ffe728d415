package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shape of Helm error, translated into one line per problem naming the values key. */
class ValuesErrorsTest {

  private final ChartRenderer renderer = new ChartRenderer(TestCharts.tiny());

  @TempDir
  Path tmp;

  private List<String> problems(RenderRequest.Builder request) {
    ValuesException e = catchThrowableOfType(ValuesException.class, () -> renderer.renderYaml(request.build()));
    assertThat(e).as("a ValuesException").isNotNull();
    assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
    return e.problems();
  }

  @Test
  void enumValue() {
    assertThat(problems(RenderRequest.builder().set("spark.version", "9.9")))
        .containsExactly("spark.version: value must be one of '3.5', '4.1'");
  }

  @Test
  void unknownKeySuggestsTheClosestSibling() {
    assertThat(problems(RenderRequest.builder().set("spark.conect.enabled", "true")))
        .containsExactly("spark.conect: unknown key (did you mean spark.connect?)");
  }

  @Test
  void unknownTopLevelKey() {
    assertThat(problems(RenderRequest.builder().set("sprak.version", "4.1").set("zzz", "1")))
        .containsExactly("sprak: unknown key (did you mean spark?)", "zzz: unknown key");
  }

  @Test
  void unknownKeyInsideAListItemFollowsRef() {
    assertThat(problems(RenderRequest.builder().set("volumes[0].name", "a").set("volumes[0].nme", "b")))
        .containsExactly("volumes[0].nme: unknown key (did you mean volumes[0].name?)");
  }

  @Test
  void invalidKeyNameIsPlacedUnderItsObjectAlthoughHelmReportsItAtTheRoot() {
    assertThat(problems(RenderRequest.builder().set("spark.conf.sql\\.shuffle", "x")))
        .containsExactly("spark.conf.sql.shuffle: invalid key name (does not match pattern '^spark\\.[a-z.]+$')");
  }

  @Test
  void missingRequiredKey() {
    assertThat(problems(RenderRequest.builder().set("spark.version", "null")))
        .containsExactly("spark.version: required, but not set");
  }

  @Test
  void wrongTypeAndMinimumAreReportedTogetherOnePerLine() {
    assertThat(problems(RenderRequest.builder().set("spark.executor.instances", "-1").set("spark.executor.memory", "1.5g")))
        .containsExactly(
            "spark.executor.instances: minimum: got -1, want 0",
            "spark.executor.memory: '1.5g' does not match pattern '^[0-9]+[mg]$'");
    assertThat(problems(RenderRequest.builder().set("spark.executor.instances", "many")))
        .containsExactly("spark.executor.instances: got string, want integer");
  }

  @Test
  void nestedValidationFailuresAreFlattened() {
    assertThat(problems(RenderRequest.builder().set("name", "Way-Too-Long-For-The-Tiny-Chart")))
        .containsExactly(
            "name: 'Way-Too-Long-For-The-Tiny-Chart' does not match pattern '^[a-z0-9-]+$'",
            "name: maxLength: got 31, want 20");
  }

  @Test
  void oneOfBecomesOneLine() {
    assertThat(problems(RenderRequest.builder().set("mode", "sometimes")))
        .containsExactly("mode: matches none of the allowed forms (got string, want integer; or "
            + "value must be one of 'auto', 'manual')");
  }

  @Test
  void templateFailKeepsJustTheMessage() {
    assertThat(problems(RenderRequest.builder().set("spark.executor.instances", "51")))
        .containsExactly("spark.executor.instances: at most 50 executors in the tiny chart");
  }

  @Test
  void missingValuesFileIsNamed() {
    Path missing = tmp.resolve("nope.yaml");
    assertThat(problems(RenderRequest.builder().valuesFile(missing)))
        .containsExactly(missing + ": file not found");
  }

  @Test
  void valuesFileThatIsNotYamlIsNamed() throws Exception {
    Path bad = Files.writeString(tmp.resolve("bad.yaml"), "spark: [1\nname: :\n");
    assertThat(problems(RenderRequest.builder().valuesFile(bad)))
        .singleElement().asString().startsWith(bad + ": not valid YAML: line ");
  }

  @Test
  void valuesFileThatIsNotAMapIsNamed() throws Exception {
    Path list = Files.writeString(tmp.resolve("list.yaml"), "- a\n- b\n");
    assertThat(problems(RenderRequest.builder().valuesFile(list)))
        .containsExactly(list + ": not a YAML map of values (top level must be key: value)");
  }

  @Test
  void valuesFileWithACommaInItsPathStillWorks() throws Exception {
    Path odd = Files.writeString(tmp.resolve("a,b.yaml"), "name: comma\n");
    assertThat(renderer.renderYaml(RenderRequest.builder().valuesFile(odd).build())).contains("name: \"comma\"");
    Path oddBad = Files.writeString(tmp.resolve("c,d.yaml"), "spark: [1\n");
    assertThat(problems(RenderRequest.builder().valuesFile(oddBad)))
        .singleElement().asString().startsWith(oddBad + ": not valid YAML");
  }

  @Test
  void valuesFileRepeatingAKeyIsRefusedInsteadOfSilentlyKeepingTheLast() throws Exception {
    Path dup = Files.writeString(tmp.resolve("dup.yaml"),
        "name: a\nspark:\n  executor:\n    instances: 1\n    instances: 3\nname: b\n");
    assertThat(problems(RenderRequest.builder().valuesFile(dup))).containsExactly(
        dup + ": spark.executor.instances: appears twice (lines 4 and 5); Helm would silently keep the last",
        dup + ": name: appears twice (lines 1 and 6); Helm would silently keep the last");
  }

  @Test
  void brokenPresetsAreNamed() throws Exception {
    Path chart = tmp.resolve("tiny");
    FileTrees.copy(TestCharts.tiny(), chart);
    Files.writeString(chart.resolve("presets/broken.yaml"), "# Broken\nspark: [1\n");
    Files.writeString(chart.resolve("presets/twice.yaml"), "# Twice\nname: a\nname: b\n");
    ChartRenderer copy = new ChartRenderer(chart);
    ValuesException broken = catchThrowableOfType(ValuesException.class,
        () -> copy.renderYaml(RenderRequest.builder().preset("broken").build()));
    assertThat(broken.problems()).singleElement().asString()
        .startsWith("preset broken (presets/broken.yaml): not valid YAML: line ");
    ValuesException twice = catchThrowableOfType(ValuesException.class,
        () -> copy.renderYaml(RenderRequest.builder().preset("twice").build()));
    assertThat(twice.problems()).containsExactly(
        "preset twice (presets/twice.yaml): name: appears twice (lines 2 and 3); Helm would silently keep the last");
  }

  @Test
  void unknownPresetListsTheAvailableOnes() {
    assertThat(problems(RenderRequest.builder().preset("huge")))
        .containsExactly("preset huge: unknown preset (available: big, small)");
    assertThat(problems(RenderRequest.builder().preset("../values")))
        .containsExactly("preset ../values: unknown preset (available: big, small)");
  }

  @Test
  void setSyntaxHelmRefusesIsReported() {
    assertThat(problems(RenderRequest.builder().set("volumes[x]", "1")))
        .singleElement().asString().startsWith("--set: ");
  }

  @Test
  void kubeVersionBelowTheChartsConstraint() {
    assertThat(problems(RenderRequest.builder().kubeVersion("1.20.0")))
        .containsExactly("kube version: chart requires kubeVersion: >=1.25.0-0 which is incompatible with Kubernetes v1.20.0");
  }

  @Test
  void invalidReleaseName() {
    assertThat(problems(RenderRequest.builder().release("Not_Valid")))
        .singleElement().asString().contains("Not_Valid");
  }
}
