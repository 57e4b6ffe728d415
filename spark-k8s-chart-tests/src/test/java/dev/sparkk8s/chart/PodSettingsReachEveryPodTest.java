package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of {@code pods} reaches every pod the release runs (the Connect server or the operator's driver, the
 * executor pods Spark builds, the Standalone master and workers, the History Server), on both Spark lines and every
 * backend, and nowhere else; the policy engine finds nothing in those renders.
 */
class PodSettingsReachEveryPodTest {

  private static final long GRACE_PERIOD = 77;
  /** Each field's value carries a word found nowhere else in a render. */
  private static final Map<String, Object> POD_SETTINGS = podSettings();

  static Stream<Arguments> cases() {
    List<Arguments> cases = new ArrayList<>();
    for (String version : RenderCase.VERSIONS) {
      cases.add(Arguments.of(version, "kubernetes", "apache"));
      cases.add(Arguments.of(version, "standalone", "apache"));
      cases.add(Arguments.of(version, "operator", "apache"));
      cases.add(Arguments.of(version, "operator", "kubeflow"));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1} ({2})")
  @MethodSource("cases")
  void everyFieldIsOnEveryPodAndNowhereElse(String version, String backend, String flavor, @TempDir Path dir) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("spark.version", version);
    values.put("spark.connect.mode.k8s.backend", backend);
    values.put("spark.operator.flavor", flavor);
    values.put("spark.standalone.enabled", true);
    values.put("spark.eventLog.enabled", true);
    values.put("spark.eventLog.existingClaim", "spark-events");
    values.put("spark.historyServer.enabled", true);
    POD_SETTINGS.forEach((field, value) -> values.put("pods." + field, value));
    ReleaseView view = new ReleaseView(ChartFixture.render(
        ChartFixture.request().valuesFile(ChartFixture.writeValues(dir.resolve("values.yaml"), values)).build()));

    List<RunningPod> pods = RunningPod.of(view);
    List<String> expected = new ArrayList<>(List.of("connect", "master", "worker", "history"));
    if (!backend.equals("standalone")) {
      expected.add("executor");
    }
    assertThat(pods).extracting(RunningPod::component).containsExactlyInAnyOrderElementsOf(expected);
    for (RunningPod pod : pods) {
      checkSettings(pod, version);
    }

    String yaml = view.release().yaml();
    for (String word : List.of("placement-pool", "placement-taint", "placement-zone", "placement-topology",
        "placement-priority", "placement-label", "placement-annotation", "PLACEMENT_ENV", "/placement")) {
      assertThat(occurrences(yaml, word)).as("%s in the render", word).isEqualTo(pods.size());
    }
    assertThat(occurrences(yaml, "name: placement-volume")).as("volume and mount").isEqualTo(2 * pods.size());

    List<Finding> findings = PolicyEngine.standard().check(view.release().objects());
    assertThat(findings).extracting(Finding::describe).isEmpty();
  }

  private static void checkSettings(RunningPod pod, String version) {
    PodSpec spec = pod.site().spec();
    String what = pod.toString();
    assertThat(spec.getNodeSelector()).as(what).containsEntry("pool", "placement-pool");
    assertThat(spec.getTolerations()).as(what).singleElement()
        .satisfies(t -> assertThat(t.getKey()).isEqualTo("placement-taint"));
    assertThat(spec.getAffinity().getNodeAffinity().getPreferredDuringSchedulingIgnoredDuringExecution())
        .as(what).singleElement()
        .satisfies(t -> assertThat(t.getPreference().getMatchExpressions().get(0).getKey()).isEqualTo("placement-zone"));
    TopologySpreadConstraint spread = spec.getTopologySpreadConstraints().get(0);
    assertThat(spec.getTopologySpreadConstraints()).as(what).hasSize(1);
    assertThat(spread.getTopologyKey()).isEqualTo("placement-topology");
    assertThat(spread.getLabelSelector().getMatchLabels()).as("%s spreads its own component's pods", what)
        .containsEntry(ChartLabels.COMPONENT, pod.component())
        .containsEntry(ChartLabels.INSTANCE, "spark")
        .hasSize(3);
    assertThat(pod.site().labels().entrySet()).as(what).containsAll(spread.getLabelSelector().getMatchLabels().entrySet());
    assertThat(spec.getPriorityClassName()).as(what).isEqualTo("placement-priority");
    assertThat(pod.site().labels()).as(what).containsEntry("placement-label", "on-pods");
    assertThat(pod.site().annotations()).as(what).containsEntry("placement-annotation", "on-pods");
    assertThat(pod.terminationGracePeriodSeconds(version)).as(what).isEqualTo(GRACE_PERIOD);
    assertThat(pod.main().getEnv()).as(what).extracting(EnvVar::getName).containsOnlyOnce("PLACEMENT_ENV");
    assertThat(pod.main().getVolumeMounts()).as(what).extracting(VolumeMount::getMountPath).contains("/placement");
    assertThat(spec.getVolumes()).as(what).extracting(Volume::getName).containsOnlyOnce("placement-volume");
  }

  private static Map<String, Object> podSettings() {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("nodeSelector", Map.of("pool", "placement-pool"));
    s.put("tolerations", List.of(Map.of("key", "placement-taint", "operator", "Exists", "effect", "NoSchedule")));
    s.put("affinity", Map.of("nodeAffinity", Map.of("preferredDuringSchedulingIgnoredDuringExecution",
        List.of(Map.of("weight", 1, "preference", Map.of("matchExpressions",
            List.of(Map.of("key", "placement-zone", "operator", "In", "values", List.of("a")))))))));
    s.put("topologySpreadConstraints", List.of(Map.of("maxSkew", 1, "topologyKey", "placement-topology",
        "whenUnsatisfiable", "ScheduleAnyway")));
    s.put("priorityClassName", "placement-priority");
    s.put("labels", Map.of("placement-label", "on-pods"));
    s.put("annotations", Map.of("placement-annotation", "on-pods"));
    s.put("terminationGracePeriodSeconds", GRACE_PERIOD);
    s.put("extraEnv", List.of(Map.of("name", "PLACEMENT_ENV", "value", "on-pods")));
    s.put("extraVolumes", List.of(Map.of("name", "placement-volume", "emptyDir", Map.of())));
    s.put("extraVolumeMounts", List.of(Map.of("name", "placement-volume", "mountPath", "/placement")));
    return s;
  }

  private static int occurrences(String text, String word) {
    int count = 0;
    for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length())) {
      count++;
    }
    return count;
  }
}
