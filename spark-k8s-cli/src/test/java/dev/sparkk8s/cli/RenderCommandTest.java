package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RenderCommandTest {

  @TempDir
  Path tmp;

  @Test
  void printsTheManifestsExactlyAsTheRendererDoes() {
    Cli.Result r = Cli.run("render");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo(ChartRenderer.bundled().renderYaml(RenderRequest.defaults()))
        .startsWith("---\n# Source: spark-k8s/templates/")
        .contains("kind: Deployment");
  }

  @Test
  void presetValuesFileSetReleaseAndNamespaceAreApplied() throws Exception {
    Path values = Files.writeString(tmp.resolve("v.yaml"), "spark:\n  version: \"3.5\"\n");
    Cli.Result r = Cli.run("render", "--preset", "production", "-f", values.toString(),
        "--set", "spark.executor.cores=3", "--release", "etl", "--namespace", "team-a");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    RenderRequest same = RenderRequest.builder().preset("production").valuesFile(values)
        .set("spark.executor.cores", "3").release("etl").namespace("team-a").build();
    assertThat(r.out()).isEqualTo(ChartRenderer.bundled().renderYaml(same))
        .contains("namespace: team-a").contains("name: etl-");
    assertThat(r.out()).isNotEqualTo(Cli.run("render", "--preset", "production", "--release", "etl",
        "--namespace", "team-a").out());
  }

  @Test
  void chartOptionRendersAnotherChartDirectory() {
    Cli.Result r = Cli.run("render", "--chart", Cli.repoChart().toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).isEqualTo(new ChartRenderer(Cli.repoChart()).renderYaml(RenderRequest.defaults()));
  }

  @Test
  void outputWritesOneFilePerTemplateAndListsThem() throws Exception {
    Path dir = tmp.resolve("out");
    Cli.Result r = Cli.run("render", "--output", dir.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    Path deployment = dir.resolve("spark-k8s/templates/connect-deployment.yaml");
    assertThat(r.out().lines()).contains(deployment.toString())
        .allSatisfy(line -> assertThat(Path.of(line)).isRegularFile().startsWith(dir));
    assertThat(Files.readString(deployment))
        .startsWith("---\n# Source: spark-k8s/templates/connect-deployment.yaml\n")
        .contains("kind: Deployment");
    StringBuilder concatenated = new StringBuilder();
    for (String line : r.out().lines().toList()) {
      concatenated.append(Files.readString(Path.of(line)));
    }
    assertThat(concatenated.toString()).isEqualTo(Cli.run("render").out());
  }
}
