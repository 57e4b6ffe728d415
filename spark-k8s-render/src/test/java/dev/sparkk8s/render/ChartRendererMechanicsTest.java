package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rendering mechanics on the tiny test chart: order of values, names, parsing. */
class ChartRendererMechanicsTest {

  private final ChartRenderer renderer = new ChartRenderer(TestCharts.tiny());

  @TempDir
  Path tmp;

  private Map<String, String> data(RenderRequest request) {
    return renderer.render(request).objects(ConfigMap.class).get(0).getData();
  }

  private Path file(String name, String text) throws Exception {
    return Files.writeString(tmp.resolve(name), text);
  }

  @Test
  void defaultsAreReleaseSparkInNamespaceDefault() {
    RenderedRelease release = renderer.render(RenderRequest.defaults());
    ConfigMap config = release.objects(ConfigMap.class).get(0);
    assertThat(config.getMetadata().getName()).isEqualTo("spark-config");
    assertThat(config.getMetadata().getNamespace()).isEqualTo("default");
    assertThat(config.getData()).containsEntry("name", "base").containsEntry("instances", "2");
  }

  @Test
  void releaseAndNamespaceAreUsed() {
    RenderedRelease release = renderer.render(RenderRequest.builder().release("r1").namespace("team-a").build());
    assertThat(release.objects()).allSatisfy(o -> {
      assertThat(o.getMetadata().getName()).startsWith("r1-");
      assertThat(o.getMetadata().getNamespace()).isEqualTo("team-a");
    });
  }

  @Test
  void kubeVersionIsTheOneTheHelmCliAssumes() {
    assertThat(data(RenderRequest.defaults())).containsEntry("kube", "v1.35.0");
    assertThat(data(RenderRequest.builder().kubeVersion("1.30.2").build())).containsEntry("kube", "v1.30.2");
  }

  @Test
  void presetAppliesOverTheChartDefaults() {
    assertThat(data(RenderRequest.builder().preset("small").build()))
        .containsEntry("name", "small").containsEntry("instances", "1").containsEntry("memory", "512m")
        .containsEntry("version", "4.1");
  }

  @Test
  void valuesFilesApplyAfterThePresetInTheOrderGiven() throws Exception {
    Path first = file("first.yaml", "name: first\nspark:\n  executor:\n    instances: 3\n");
    Path second = file("second.yaml", "name: second\n");
    assertThat(data(RenderRequest.builder().preset("big").valuesFile(first).valuesFile(second).build()))
        .containsEntry("name", "second").containsEntry("instances", "3").containsEntry("memory", "8g");
  }

  @Test
  void setAppliesAfterValuesFilesAndTheLastSetWins() throws Exception {
    Path values = file("v.yaml", "name: fromfile\nspark:\n  executor:\n    instances: 3\n");
    assertThat(data(RenderRequest.builder().preset("big").valuesFile(values)
        .set("name", "one").set("spark.executor.instances", "4").set("name", "two").build()))
        .containsEntry("name", "two").containsEntry("instances", "4").containsEntry("memory", "8g");
  }

  @Test
  void aLaterSetOfAParentReplacesAnEarlierSetBelowIt() {
    assertThat(data(RenderRequest.builder().set("volumes[0].name", "a").set("volumes", "null").build()))
        .containsEntry("volumes", "null");
  }

  @Test
  void setValuesAreLiteralAndTypedLikeHelm() {
    assertThat(data(RenderRequest.builder().setArgument("spark.version=3.5,name=a-b").build()))
        .containsEntry("version", "3.5").containsEntry("name", "a-b");
    assertThat(data(RenderRequest.builder().set("volumes[0].name", "x,y").set("volumes[0].sizeGi", "5").build()))
        .containsEntry("volumes", "[{\"name\":\"x,y\",\"sizeGi\":5}]");
  }

  @Test
  void customResourcesAreGenericAndCoreKindsAreTyped() {
    RenderedRelease release = renderer.render(RenderRequest.defaults());
    assertThat(release.objects()).hasSize(3);
    assertThat(release.objects(Service.class)).hasSize(1);
    assertThat(release.ofKind("SparkApplication")).singleElement()
        .isInstanceOf(GenericKubernetesResource.class);
    GenericKubernetesResource app = (GenericKubernetesResource) release.ofKind("SparkApplication").get(0);
    assertThat((Object) app.get("spec", "executor", "instances")).isEqualTo(2);
    assertThat(release.withComponent(Component.CONNECT)).hasSize(2);
    assertThat(release.find("ConfigMap", "spark-config")).isPresent();
    assertThat(release.manifests()).extracting(Manifest::source)
        .containsExactly("tiny/templates/config.yaml", "tiny/templates/connect.yaml",
            "tiny/templates/connect.yaml");
  }

  @Test
  void renderYamlIsTheRawHelmOutput() {
    String yaml = renderer.renderYaml(RenderRequest.defaults());
    assertThat(yaml).startsWith("---\n# Source: tiny/templates/config.yaml\napiVersion: v1\n").endsWith("\n");
    assertThat(renderer.render(RenderRequest.defaults()).yaml()).isEqualTo(yaml);
  }

  @Test
  void presetsAreListedWithTheirDescriptions() {
    assertThat(renderer.presets().list())
        .extracting(Presets.Preset::name, Presets.Preset::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("big", "Many executors with more memory"),
            org.assertj.core.groups.Tuple.tuple("small", "One small executor, for a laptop"));
  }

  @Test
  void helmLintPassesOnTheTinyChart() {
    HelmLintResult lint = renderer.helmLint(true);
    assertThat(lint.passed()).as(lint.messages().toString()).isTrue();
    assertThat(lint.errors()).isEmpty();
  }

  @Test
  void aDirectoryWithoutChartYamlIsRefused() {
    assertThatThrownBy(() -> new ChartRenderer(tmp))
        .isInstanceOf(ChartException.class).hasMessageContaining("no Chart.yaml");
  }

  @Test
  void outputDirIsWrittenLikeHelmTemplateOutputDir() throws Exception {
    RenderedRelease release = renderer.render(RenderRequest.defaults());
    var files = OutputDirWriter.write(release.manifests(), tmp);
    assertThat(files).containsExactly(tmp.resolve("tiny/templates/config.yaml"),
        tmp.resolve("tiny/templates/connect.yaml"));
    String connect = Files.readString(tmp.resolve("tiny/templates/connect.yaml"));
    assertThat(connect).startsWith("---\n# Source: tiny/templates/connect.yaml\napiVersion: v1\nkind: Service\n")
        .contains("\n---\n# Source: tiny/templates/connect.yaml\napiVersion: sparkoperator.k8s.io/v1beta2\n");
    // written twice: replaced, not appended to
    OutputDirWriter.write(release.manifests(), tmp);
    assertThat(Files.readString(tmp.resolve("tiny/templates/connect.yaml"))).isEqualTo(connect);
  }
}
