package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sparkk8s.render.ValuesException;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pod settings cannot add what the chart already sets on its pods: every env var of a Spark container, volume,
 * mount path, label and annotation rendered in any {@link ValuesContext} (and the Kubeflow flavor) is refused as
 * an extra one, in that context, naming the key.
 */
class ReservedPodNamesTest {

  private static final List<ValuesContext> CONTEXTS = Stream.concat(ValuesContext.ALL.stream(),
      Stream.of(new ValuesContext("kubeflow operator", Map.of("spark.connect.mode.k8s.backend", "operator",
          "spark.operator.flavor", "kubeflow")))).filter(c -> !c.values().containsKey("pods.extraVolumes")).toList();

  @Test
  void whatTheChartSetsIsRefusedAsAnExtra(@TempDir Path dir) {
    Map<String, Probe> probes = new LinkedHashMap<>();
    for (ValuesContext context : CONTEXTS) {
      for (RunningPod pod : RunningPod.of(new ReleaseView(ChartFixture.render(
          ChartFixture.request().valuesFile(ChartFixture.writeValues(dir.resolve("c.yaml"), context.values())).build())))) {
        pod.main().getEnv().stream().map(EnvVar::getName)
            .forEach(n -> probes.putIfAbsent("env " + n, new Probe(context, "pods.extraEnv[" + n + "]",
                Map.of("pods.extraEnv", List.of(Map.of("name", n, "value", "x"))))));
        pod.site().spec().getVolumes().stream().map(Volume::getName)
            .forEach(n -> probes.putIfAbsent("volume " + n, new Probe(context, "pods.extraVolumes[" + n + "]",
                Map.of("pods.extraVolumes", List.of(Map.of("name", n, "emptyDir", Map.of()))))));
        pod.main().getVolumeMounts().stream().map(VolumeMount::getMountPath)
            .forEach(p -> probes.putIfAbsent("mount " + p, new Probe(context, "pods.extraVolumeMounts[" + p + "]",
                Map.of("pods.extraVolumes", List.of(Map.of("name", "probe", "emptyDir", Map.of())),
                    "pods.extraVolumeMounts", List.of(Map.of("name", "probe", "mountPath", p))))));
        pod.site().labels().keySet()
            .forEach(k -> probes.putIfAbsent("label " + k, new Probe(context, "pods.labels." + k,
                Map.of("pods.labels", Map.of(k, "x")))));
        pod.site().annotations().keySet()
            .forEach(k -> probes.putIfAbsent("annotation " + k, new Probe(context, "pods.annotations." + k,
                Map.of("pods.annotations", Map.of(k, "x")))));
      }
    }
    assertThat(probes).containsKeys("env SPARK_CONF_DIR", "env AWS_SECRET_ACCESS_KEY", "volume recovery",
        "mount /var/spark-events", "label app.kubernetes.io/component", "annotation checksum/config");

    List<String> accepted = new ArrayList<>();
    probes.forEach((what, probe) -> probe.refused(dir, (refused, problems) -> {
      if (!refused) {
        accepted.add(what + " in " + probe.context());
      } else {
        assertThat(problems).as(what).anySatisfy(line -> assertThat(line).startsWith(probe.key()));
      }
    }));
    assertThat(accepted).as("what the chart sets, accepted as an extra").isEmpty();
  }

  private record Probe(ValuesContext context, String key, Map<String, Object> extra) {

    void refused(Path dir, BiConsumer<Boolean, List<String>> outcome) {
      Map<String, Object> values = new LinkedHashMap<>(context.values());
      values.putAll(extra);
      Path file = ChartFixture.writeValues(dir.resolve("probe.yaml"), values);
      try {
        ChartFixture.render(ChartFixture.request().valuesFile(file).build());
        outcome.accept(false, List.of());
      } catch (ValuesException e) {
        outcome.accept(true, e.problems());
      } catch (RuntimeException e) {
        fail(key + ": " + e.getMessage(), e);
      }
    }
  }
}
