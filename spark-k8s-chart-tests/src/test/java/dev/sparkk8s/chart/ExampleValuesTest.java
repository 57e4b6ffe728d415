package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.RenderedRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example values file in {@code docs/examples/} renders on both Spark lines (on every backend when the file
 * does not choose one) with no policy finding and changes the release, and the README links it.
 */
class ExampleValuesTest {

  static final Path EXAMPLES = ChartFixture.CHART_DIR.resolve("../../docs/examples").normalize();
  private static final Path README = ChartFixture.CHART_DIR.resolve("../../README.md").normalize();
  private static final List<String[]> BACKENDS = List.of(new String[] {"kubernetes", "apache"},
      new String[] {"standalone", "apache"}, new String[] {"operator", "apache"}, new String[] {"operator", "kubeflow"});

  static List<Path> examples() throws IOException {
    try (Stream<Path> files = Files.list(EXAMPLES)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
    }
  }

  static Stream<Arguments> renders() throws IOException {
    List<Arguments> out = new ArrayList<>();
    for (Path file : examples()) {
      JsonNode values = Json.yaml(Files.readString(file));
      boolean choosesBackend = !values.at("/spark/connect/mode/k8s/backend").isMissingNode();
      for (String version : RenderCase.VERSIONS) {
        if (choosesBackend) {
          out.add(Arguments.of(file.getFileName().toString(), version, "its own backend", new String[0]));
        } else {
          for (String[] backend : BACKENDS) {
            out.add(Arguments.of(file.getFileName().toString(), version, backend[0] + "/" + backend[1],
                new String[] {"spark.connect.mode.k8s.backend=" + backend[0], "spark.operator.flavor=" + backend[1]}));
          }
        }
      }
    }
    return out.stream();
  }

  @Test
  void thereAreExamples() throws IOException {
    assertThat(examples()).extracting(f -> f.getFileName().toString()).contains("placement.yaml");
  }

  @ParameterizedTest(name = "{0} on {1}, {2}")
  @MethodSource("renders")
  void rendersWithoutFindings(String file, String version, String backend, String[] sets) {
    var request = ChartFixture.request(sets).valuesFile(EXAMPLES.resolve(file)).set("spark.version", version);
    RenderedRelease release = ChartFixture.render(request.build());
    List<Finding> findings = PolicyEngine.standard().check(release.objects());
    assertThat(findings).extracting(Finding::describe).isEmpty();
    assertThat(release.yaml()).as("the example changes the release")
        .isNotEqualTo(ChartFixture.render(ChartFixture.request(sets).set("spark.version", version).build()).yaml());
  }

  @Test
  void theReadmeLinksEveryExample() throws IOException {
    String readme = Files.readString(README);
    for (Path file : examples()) {
      assertThat(readme).as("README links %s", file.getFileName()).contains("](docs/examples/" + file.getFileName() + ")");
    }
  }
}
