package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The in-process renderer (helm-java, Helm 3.21) against a real Helm 4 CLI on the real chart:
 * the output must be byte-identical.
 *
 * <p>Known differences between the two Helm versions, checked by experiment: only
 * {@code .Capabilities.HelmVersion} ({@code v3.21} in-process, {@code v4.1.4} for the CLI). The
 * chart does not read it (asserted below), so everything is compared byte for byte. Both assume
 * Kubernetes v1.35.0 when there is no cluster (the renderer passes it explicitly, see
 * {@link RenderRequest#DEFAULT_KUBE_VERSION}).
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class HelmCliParityTest {

  private static ChartRenderer renderer;
  private static Path chart;

  @TempDir
  Path tmp;

  @BeforeAll
  static void setUp() {
    HelmCli.binary();
    chart = TestCharts.real();
    renderer = new ChartRenderer(chart);
  }

  /** One set of inputs, as a request and as the equivalent Helm CLI arguments. */
  record Case(String name, RenderRequest request) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(new Case("defaults", RenderRequest.defaults()));
    cases.add(new Case("release and namespace", RenderRequest.builder().release("etl").namespace("team-a").build()));
    for (Presets.Preset preset : new Presets(TestCharts.real()).list()) {
      cases.add(new Case("preset " + preset.name(), RenderRequest.builder().preset(preset.name()).build()));
    }
    cases.add(new Case("preset development with --set", RenderRequest.builder().preset("development")
        .set("spark.version", "3.5").set("spark.executor.instances", "3")
        .set("spark.conf.spark\\.sql\\.shuffle\\.partitions", "8")
        .set("commonLabels.team", "data,platform").build()));
    cases.add(new Case("up --local: preset development with ci/local-values.yaml", RenderRequest.builder()
        .release("local").preset("development").valuesFile(TestCharts.real().resolve("ci/local-values.yaml"))
        .set("spark.version", "4.1").build()));
    cases.add(new Case("up --local --monitoring: ci/local-values.yaml then ci/local-monitoring-values.yaml",
        RenderRequest.builder().release("local").preset("development")
            .valuesFile(TestCharts.real().resolve("ci/local-values.yaml"))
            .valuesFile(TestCharts.real().resolve("ci/local-monitoring-values.yaml")).set("spark.version", "3.5").build()));
    cases.add(new Case("monitoring: every object on the kubernetes backend", RenderRequest.builder()
        .set("monitoring.enabled", "true").set("monitoring.serviceMonitor.enabled", "true")
        .set("monitoring.podMonitor.enabled", "true").set("monitoring.prometheusRule.enabled", "true")
        .set("monitoring.grafanaDashboards.enabled", "true").set("monitoring.serviceMonitor.labels.release", "kps")
        .build()));
    return cases.stream();
  }

  static List<String> cliArguments(RenderRequest request, Path chartDir) {
    List<String> args = new ArrayList<>(List.of("template", request.releaseName(), chartDir.toString(),
        "--namespace", request.namespace()));
    request.preset().ifPresent(p -> args.addAll(List.of("-f", new Presets(chartDir).get(p).file().toString())));
    for (Path file : request.valuesFiles()) {
      args.addAll(List.of("-f", file.toString()));
    }
    for (SetValue pair : request.sets()) {
      args.addAll(List.of("--set", pair.key() + "=" + pair.value().replace("\\", "\\\\").replace(",", "\\,")));
    }
    return args;
  }

  private static String helmTemplate(RenderRequest request, String... extra) {
    List<String> args = cliArguments(request, chart);
    args.addAll(List.of(extra));
    HelmCli.Result result = HelmCli.run(args);
    assertThat(result.exitCode()).as("helm %s\n%s", args, result.stderr()).isZero();
    return result.stdout();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void renderYamlIsByteIdenticalToHelmTemplate(Case c) {
    assertThat(renderer.renderYaml(c.request())).isEqualTo(helmTemplate(c.request()));
  }

  @Test
  void valuesFileAndSetAreIdenticalToHelmTemplate() throws IOException {
    Path values = Files.writeString(tmp.resolve("values.yaml"), "spark:\n  version: \"3.5\"\n");
    RenderRequest request = RenderRequest.builder().preset("production").valuesFile(values)
        .set("spark.version", "4.1").build();
    String yaml = renderer.renderYaml(request);
    assertThat(yaml).isEqualTo(helmTemplate(request));
    assertThat(yaml).isNotEqualTo(renderer.renderYaml(request.toBuilder().set("spark.version", "3.5").build()));
  }

  @Test
  void theChartDoesNotReadTheOneCapabilityThatDiffersBetweenHelm3And4() throws IOException {
    try (Stream<Path> files = Files.walk(chart.resolve("templates"))) {
      assertThat(files.filter(Files::isRegularFile).map(HelmCliParityTest::read))
          .noneMatch(text -> text.contains("HelmVersion"));
    }
  }

  @Test
  void outputDirIsByteIdenticalToHelmTemplateOutputDir() throws IOException {
    RenderRequest request = RenderRequest.builder().preset("development").build();
    Path helmDir = tmp.resolve("helm");
    Path ourDir = tmp.resolve("ours");
    helmTemplate(request, "--output-dir", helmDir.toString());
    List<Path> written = OutputDirWriter.write(renderer.render(request).manifests(), ourDir);
    assertThat(written).isNotEmpty();
    assertThat(tree(ourDir)).isEqualTo(tree(helmDir));
  }

  @Test
  void helmLintStrictPassesWithNoErrorsOrWarnings() {
    HelmCli.Result result = HelmCli.run("lint", chart.toString(), "--strict");
    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).contains("0 chart(s) failed").doesNotContain("[ERROR]").doesNotContain("[WARNING]");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("presetNames")
  void helmLintStrictPassesWithEachPreset(String preset) {
    Path file = chart.resolve("presets").resolve(preset + ".yaml");
    HelmCli.Result result = HelmCli.run("lint", chart.toString(), "--strict", "-f", file.toString());
    assertThat(result.exitCode()).as(result.stdout() + result.stderr()).isZero();
    assertThat(result.stdout()).doesNotContain("[ERROR]").doesNotContain("[WARNING]");
  }

  static Stream<String> presetNames() {
    return new Presets(TestCharts.real()).names().stream();
  }

  @Test
  void inProcessHelmLintAgrees() {
    HelmLintResult lint = renderer.helmLint(true);
    assertThat(lint.passed()).as(lint.messages().toString()).isTrue();
    assertThat(lint.errors()).isEmpty();
    assertThat(lint.warnings()).isEmpty();
  }

  private static Map<String, String> tree(Path root) throws IOException {
    try (Stream<Path> files = Files.walk(root)) {
      return files.filter(Files::isRegularFile)
          .collect(Collectors.toMap(p -> root.relativize(p).toString(), HelmCliParityTest::read,
              (a, b) -> a, TreeMap::new));
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
