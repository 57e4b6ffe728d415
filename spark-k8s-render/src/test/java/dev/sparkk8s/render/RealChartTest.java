package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The real chart through the renderer: bundled copy, presets, parsed objects, schema errors. */
class RealChartTest {

  private final ChartRenderer renderer = new ChartRenderer(TestCharts.real());

  static Stream<String> presetNames() {
    return new Presets(TestCharts.real()).names().stream();
  }

  @Test
  void theBundledChartIsTheRepositoryChart() throws IOException {
    ChartRenderer bundled = ChartRenderer.bundled();
    assertThat(bundled.chartDir().resolve("Chart.yaml")).isRegularFile();
    assertThat(bundled.chartDir().resolve("ci/local-values.yaml")).as("what up --local renders with").isRegularFile();
    assertThat(files(bundled.chartDir())).isEqualTo(files(TestCharts.real()));
    assertThat(ChartRenderer.bundled().chartDir()).as("extracted once per JVM").isEqualTo(bundled.chartDir());
    assertThat(bundled.renderYaml(RenderRequest.defaults())).isEqualTo(renderer.renderYaml(RenderRequest.defaults()));
  }

  @Test
  void everyPresetHasAOneLineDescriptionAndNoRepeatedKey() {
    assertThat(renderer.presets().list()).isNotEmpty().allSatisfy(p -> {
      assertThat(p.description()).as(p.name()).isNotBlank();
      assertThat(DuplicateKeys.find(Files.readString(p.file()))).as(p.name()).isEmpty();
    });
  }

  @Test
  void theChartsOwnValuesRepeatNoKey() throws IOException {
    assertThat(DuplicateKeys.find(Files.readString(TestCharts.real().resolve("values.yaml")))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presetNames")
  void everyPresetRendersToNamedObjectsInTheNamespace(String preset) {
    RenderedRelease release = renderer.render(RenderRequest.builder().preset(preset).namespace("ns1").build());
    assertThat(release.objects()).isNotEmpty();
    for (HasMetadata o : release.objects()) {
      assertThat(o.getMetadata().getName()).as(o.getKind()).isNotBlank();
    }
    assertThat(release.manifests()).hasSize(release.objects().size());
  }

  @Test
  void defaultsParseIntoTypedObjects() {
    RenderedRelease release = renderer.render(RenderRequest.defaults());
    assertThat(release.objects(Deployment.class)).isNotEmpty();
    assertThat(release.objects(ConfigMap.class)).isNotEmpty();
    assertThat(release.withComponent(Component.SPARK_CONF)).singleElement().isInstanceOf(ConfigMap.class);
  }

  @Test
  void badSparkVersionNamesTheKey() {
    assertThat(problems(RenderRequest.builder().set("spark.version", "9.9").build()))
        .singleElement().asString().startsWith("spark.version: ");
  }

  @Test
  void typoInAKeySuggestsTheRealOne() {
    assertThat(problems(RenderRequest.builder().set("spark.conect.enabled", "true").build()))
        .contains("spark.conect: unknown key (did you mean spark.connect?)");
  }

  private List<String> problems(RenderRequest request) {
    try {
      renderer.renderYaml(request);
    } catch (ValuesException e) {
      return e.problems();
    }
    throw new AssertionError("expected a ValuesException for " + request);
  }

  private static Map<String, Long> files(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(Files::isRegularFile).collect(Collectors.toMap(
          p -> root.relativize(p).toString(), p -> p.toFile().length(), (a, b) -> a, TreeMap::new));
    }
  }
}
