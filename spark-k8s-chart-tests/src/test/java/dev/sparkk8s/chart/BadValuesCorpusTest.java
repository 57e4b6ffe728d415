package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sparkk8s.render.ValuesException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every file in {@code bad-values/} is refused, and the error names the key its first line
 * ({@code # key: <dotted key>}) gives, one plain line per problem.
 */
class BadValuesCorpusTest {

  private static final String HEADER = "# key: ";
  /** Text that means a Go template, Helm internals or a Java stack trace leaked into the message. */
  private static final List<String> NOISE = List.of("execution error at", "templates/", ".tpl",
      "\tat ", "Exception", "goroutine", "<.Values", "Use --debug");

  static Stream<Path> corpus() throws IOException, URISyntaxException {
    Path dir = Path.of(BadValuesCorpusTest.class.getResource("/bad-values").toURI());
    try (Stream<Path> files = Files.list(dir)) {
      List<Path> yaml = files.filter(f -> f.getFileName().toString().endsWith(".yaml")).sorted().toList();
      assertThat(yaml).as("bad-values corpus").hasSizeGreaterThanOrEqualTo(28);
      return yaml.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void isRefusedNamingTheKey(Path file) throws IOException {
    String key = expectedKey(file);
    var request = ChartFixture.request().valuesFile(file).build();
    ValuesException refused = refusal(() -> ChartFixture.render(request), file.getFileName().toString());
    assertThat(refused.problems()).as("problems of %s", file.getFileName())
        .anySatisfy(line -> assertThat(line).contains(key));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"spark: [unclosed\n  version: \"4.1\n", "<values><spark version=\"4.1\"/></values>\n"})
  void refusesAFileThatIsNotYamlValues(String content, @TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("not-values.yaml"), content);
    var request = ChartFixture.request().valuesFile(file).build();
    ValuesException refused = refusal(() -> ChartFixture.render(request), content);
    assertThat(refused.problems()).anySatisfy(line -> assertThat(line).contains("not-values.yaml"));
  }

  @Test
  void refusesAMissingFile(@TempDir Path dir) {
    Path file = dir.resolve("absent-values.yaml");
    var request = ChartFixture.request().valuesFile(file).build();
    ValuesException refused = refusal(() -> ChartFixture.render(request), "missing file");
    assertThat(refused.problems()).anySatisfy(line -> assertThat(line).contains("absent-values.yaml"));
  }

  /** The render throws a ValuesException whose message is its problems, one clean line each. */
  private static ValuesException refusal(Runnable render, String input) {
    try {
      render.run();
    } catch (ValuesException e) {
      assertThat(e.problems()).isNotEmpty();
      assertThat(e.getMessage()).isEqualTo(String.join("\n", e.problems()));
      for (String line : e.problems()) {
        assertThat(line).as("problem line").doesNotContain("\n").isNotBlank();
        NOISE.forEach(noise -> assertThat(line).as("problem line").doesNotContain(noise));
      }
      return e;
    }
    return fail("the chart accepted " + input);
  }

  private static String expectedKey(Path file) throws IOException {
    String first = Files.readAllLines(file).get(0);
    assertThat(first).as("first line of %s", file.getFileName()).startsWith(HEADER);
    return first.substring(HEADER.length()).strip();
  }
}
