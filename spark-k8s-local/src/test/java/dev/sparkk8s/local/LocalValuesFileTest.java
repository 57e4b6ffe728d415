package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What {@code up --local} runs is what {@code helm template} shows with the chart's ci/local-values.yaml: the
 * local runtime adds nothing of its own but the per-run flags.
 */
class LocalValuesFileTest {

  private static final Path CHART = SparkHome.projectDir().resolve("charts/spark-k8s");
  private static final Path LOCAL_VALUES = CHART.resolve(LocalChart.LOCAL_VALUES);

  private static RenderedRelease upLocal(String sparkVersion, UserValues values, Integer workers, Integer port) {
    return LocalChart.render(new LocalOptions(sparkVersion, values, workers, port, Path.of("unused"), CHART));
  }

  private static String helmTemplate(RenderRequest.Builder request) {
    return new ChartRenderer(CHART).renderYaml(request.release("local").build());
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void upLocalRendersTheDevelopmentPresetWithTheLocalValuesFile(String sparkVersion) {
    String helm = helmTemplate(RenderRequest.builder().preset("development").valuesFile(LOCAL_VALUES)
        .set("spark.version", sparkVersion));

    assertThat(upLocal(sparkVersion, UserValues.none(), null, null).yaml()).isEqualTo(helm);
  }

  @Test
  void theUsersValuesGoAroundTheFileAsHelmAppliesThemAndTheFlagsComeLast(@TempDir Path dir) throws IOException {
    Path mine = Files.writeString(dir.resolve("mine.yaml"), "commonLabels:\n  team: data\n");
    UserValues values = new UserValues("development", List.of(mine), List.of("spark.conf.spark\\.sql\\.ansi\\.enabled=true"));
    String helm = helmTemplate(RenderRequest.builder().preset("development").valuesFile(mine).valuesFile(LOCAL_VALUES)
        .setArgument("spark.conf.spark\\.sql\\.ansi\\.enabled=true").set("spark.version", "4.1")
        .set("spark.standalone.worker.replicas", "2").set("spark.executor.instances", "2")
        .set("spark.connect.port", "15123"));

    assertThat(upLocal("4.1", values, 2, 15123).yaml()).isEqualTo(helm);
  }

  @Test
  void monitoringAddsItsValuesFileAfterTheLocalOneAndBeforeTheUsersSets() {
    String helm = helmTemplate(RenderRequest.builder().preset("development").valuesFile(LOCAL_VALUES)
        .valuesFile(CHART.resolve(LocalChart.LOCAL_MONITORING_VALUES)).setArgument("monitoring.prometheusRule.for=10s")
        .set("spark.version", "4.1"));

    String upLocal = LocalChart.render(new LocalOptions("4.1", UserValues.sets(List.of("monitoring.prometheusRule.for=10s")),
        null, null, Path.of("unused"), CHART, true)).yaml();
    assertThat(upLocal).isEqualTo(helm).contains("kind: ServiceMonitor", "kind: PrometheusRule", "for: 10s");
  }

  @Test
  void theFileGivesOneMachineItsOwnClusterAndAHistoryServerReadingTheEventLog() {
    RenderedRelease release = upLocal("4.1", UserValues.none(), null, null);

    assertThat(ChartContainer.of(release)).extracting(ChartContainer::component)
        .containsExactly(Component.MASTER, Component.WORKER, Component.HISTORY, Component.CONNECT);
    assertThat(SparkDefaults.connect(release).orElseThrow())
        .containsEntry("spark.eventLog.enabled", "true")
        .hasEntrySatisfying("spark.master", master -> assertThat(master).startsWith("spark://local-spark-k8s-master"));
    // The job profile jobs submit --local submits with, in cluster deploy mode on the same master.
    assertThat(SparkDefaults.job(release).orElseThrow())
        .containsEntry("spark.submit.deployMode", "cluster")
        .hasEntrySatisfying("spark.master", master -> assertThat(master).startsWith("spark://local-spark-k8s-master"));
  }

  @Test
  void valuesThatTakeTheStandaloneClusterAwayAreRefused() {
    assertThatThrownBy(() -> upLocal("4.1", UserValues.sets(List.of("spark.connect.mode.k8s.backend=kubernetes")),
        null, null))
        .isInstanceOf(LocalInputException.class)
        .hasMessageContaining("the values given select the kubernetes backend (spark.connect.mode.k8s.backend)");
    assertThatThrownBy(() -> upLocal("4.1", UserValues.sets(List.of("spark.standalone.masterUrl=spark://elsewhere:7077")),
        null, null))
        .isInstanceOf(LocalInputException.class)
        .hasMessageContaining("an external master (spark.standalone.masterUrl)");
  }
}
