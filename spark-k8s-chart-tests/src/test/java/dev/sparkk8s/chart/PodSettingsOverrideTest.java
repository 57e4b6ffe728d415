package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A component's {@code pod} over {@code pods}: maps merge per key and named lists per name (mountPath for mounts),
 * the component's entry winning; tolerations, affinity, spread constraints, the priority class and the grace
 * period are the component's when it sets them. Components without settings of their own keep the defaults.
 */
class PodSettingsOverrideTest {

  @Test
  void theComponentsSettingsWinAndTheRestIsInherited(@TempDir Path dir) {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("spark.standalone.enabled", true);
    values.put("pods.nodeSelector", Map.of("pool", "shared", "disk", "ssd"));
    values.put("pods.labels", Map.of("team", "data", "cost-center", "42"));
    values.put("pods.annotations", Map.of("owner", "data"));
    values.put("pods.tolerations", List.of(Map.of("key", "shared", "operator", "Exists")));
    values.put("pods.priorityClassName", "shared-priority");
    values.put("pods.terminationGracePeriodSeconds", 40);
    values.put("pods.extraEnv", List.of(Map.of("name", "TZ", "value", "UTC"), Map.of("name", "LOG_LEVEL", "value", "info")));
    values.put("pods.extraVolumes", List.of(Map.of("name", "certs", "secret", Map.of("secretName", "shared-ca"))));
    values.put("pods.extraVolumeMounts", List.of(Map.of("name", "certs", "mountPath", "/etc/certs")));
    values.put("spark.executor.pod", Map.of(
        "nodeSelector", Map.of("pool", "executors"),
        "labels", Map.of("tier", "compute", "cost-center", "7"),
        "tolerations", List.of(Map.of("key", "spot", "operator", "Exists")),
        "priorityClassName", "batch",
        "terminationGracePeriodSeconds", 300,
        "extraEnv", List.of(Map.of("name", "LOG_LEVEL", "value", "debug"), Map.of("name", "EXTRA", "value", "x")),
        "extraVolumes", List.of(Map.of("name", "certs", "secret", Map.of("secretName", "executor-ca"))),
        "extraVolumeMounts", List.of(Map.of("name", "certs", "mountPath", "/etc/certs", "readOnly", true))));
    values.put("spark.standalone.worker.pod", Map.of("annotations", Map.of("owner", "platform", "scrape", "true")));
    ReleaseView view = render(dir, values);

    RunningPod executor = only(view, "executor");
    assertThat(executor.site().spec().getNodeSelector()).containsExactlyInAnyOrderEntriesOf(
        Map.of("pool", "executors", "disk", "ssd"));
    assertThat(executor.site().labels()).containsEntry("team", "data").containsEntry("tier", "compute")
        .containsEntry("cost-center", "7");
    assertThat(executor.site().spec().getTolerations()).extracting(Toleration::getKey).containsExactly("spot");
    assertThat(executor.site().spec().getPriorityClassName()).isEqualTo("batch");
    assertThat(executor.site().spec().getTerminationGracePeriodSeconds()).isEqualTo(300L);
    assertThat(extraEnv(executor)).containsExactly(Map.entry("TZ", "UTC"), Map.entry("LOG_LEVEL", "debug"),
        Map.entry("EXTRA", "x"));
    assertThat(volume(executor, "certs").getSecret().getSecretName()).isEqualTo("executor-ca");
    assertThat(mount(executor, "/etc/certs").getReadOnly()).isTrue();

    RunningPod worker = only(view, "worker");
    assertThat(worker.site().annotations()).containsEntry("owner", "platform").containsEntry("scrape", "true");

    for (String inheriting : List.of("connect", "master", "worker")) {
      RunningPod pod = only(view, inheriting);
      assertThat(pod.site().spec().getNodeSelector()).as(inheriting)
          .containsExactlyInAnyOrderEntriesOf(Map.of("pool", "shared", "disk", "ssd"));
      assertThat(pod.site().labels()).as(inheriting).containsEntry("cost-center", "42").doesNotContainKey("tier");
      assertThat(pod.site().spec().getTolerations()).extracting(Toleration::getKey).containsExactly("shared");
      assertThat(pod.site().spec().getPriorityClassName()).isEqualTo("shared-priority");
      assertThat(pod.site().spec().getTerminationGracePeriodSeconds()).isEqualTo(40L);
      assertThat(extraEnv(pod)).containsExactly(Map.entry("TZ", "UTC"), Map.entry("LOG_LEVEL", "info"));
      assertThat(volume(pod, "certs").getSecret().getSecretName()).isEqualTo("shared-ca");
      assertThat(mount(pod, "/etc/certs").getReadOnly()).isNull();
    }
    assertThat(only(view, "connect").site().annotations()).containsEntry("owner", "data");
  }

  /** From 4.1 Spark sets spark.kubernetes.executor.terminationGracePeriodSeconds (30s unless set) over the template's. */
  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void theExecutorsGracePeriodReachesSparkWhereSparkSetsIt(String version, @TempDir Path dir) {
    for (String[] backend : List.of(new String[] {"kubernetes", "apache"}, new String[] {"operator", "apache"},
        new String[] {"operator", "kubeflow"})) {
      Map<String, Object> values = new LinkedHashMap<>();
      values.put("spark.version", version);
      values.put("spark.connect.mode.k8s.backend", backend[0]);
      values.put("spark.operator.flavor", backend[1]);
      values.put("spark.executor.pod.terminationGracePeriodSeconds", 120);
      RunningPod executor = only(render(dir, values), "executor");
      assertThat(executor.site().spec().getTerminationGracePeriodSeconds()).isEqualTo(120L);
      assertThat(executor.sparkConf().get(RunningPod.EXECUTOR_GRACE_PERIOD)).as(String.join("/", backend))
          .isEqualTo(version.equals("4.1") ? "120s" : null);
      assertThat(executor.terminationGracePeriodSeconds(version)).isEqualTo(120L);

      values.remove("spark.executor.pod.terminationGracePeriodSeconds");
      RunningPod unset = only(render(dir, values), "executor");
      assertThat(unset.site().spec().getTerminationGracePeriodSeconds()).isNull();
      assertThat(unset.sparkConf()).doesNotContainKey(RunningPod.EXECUTOR_GRACE_PERIOD);
    }
  }

  private static ReleaseView render(Path dir, Map<String, Object> values) {
    Path file = ChartFixture.writeValues(dir.resolve("values-" + values.hashCode() + ".yaml"), values);
    return new ReleaseView(ChartFixture.render(ChartFixture.request().valuesFile(file).build()));
  }

  private static RunningPod only(ReleaseView view, String component) {
    List<RunningPod> pods = RunningPod.of(view, component);
    assertThat(pods).as(component).hasSize(1);
    return pods.get(0);
  }

  /** The env vars the settings add: those after the chart's own. */
  private static List<Map.Entry<String, String>> extraEnv(RunningPod pod) {
    List<String> added = List.of("TZ", "LOG_LEVEL", "EXTRA");
    return pod.main().getEnv().stream().filter(e -> added.contains(e.getName()))
        .map(e -> Map.entry(e.getName(), e.getValue())).toList();
  }

  private static Volume volume(RunningPod pod, String name) {
    return byKey(pod.site().spec().getVolumes(), Volume::getName).get(name);
  }

  private static VolumeMount mount(RunningPod pod, String path) {
    return byKey(pod.main().getVolumeMounts(), VolumeMount::getMountPath).get(path);
  }

  private static <T> Map<String, T> byKey(List<T> items, Function<T, String> key) {
    assertThat(items).extracting(key).doesNotHaveDuplicates();
    return items.stream().collect(Collectors.toMap(key, i -> i));
  }
}
