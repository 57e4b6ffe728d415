package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.RenderedRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example values file in charts/spark-k8s/examples renders on both Spark lines, changes the release, and passes every policy. */
class ExampleValuesTest {

  static Stream<Arguments> examples() throws IOException {
    List<Arguments> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(ChartFixture.CHART_DIR.resolve("examples"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
        RenderCase.VERSIONS.forEach(version -> out.add(Arguments.of(file.getFileName().toString(), version, file)));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} on {1}")
  @MethodSource("examples")
  void rendersAndPassesEveryPolicy(String name, String version, Path file) {
    RenderedRelease release = ChartFixture.render(ChartFixture.request("spark.version=" + version).valuesFile(file)
        .build());
    assertThat(PolicyEngine.standard().check(release.objects())).extracting(Finding::describe).isEmpty();
    assertThat(release.yaml()).isNotEqualTo(ChartFixture.render("spark.version=" + version).yaml());
  }
}
