package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Pods held as YAML in ConfigMap data, such as the executor pod template or the pod of a Job template. */
public final class ConfigMapPods {

  private ConfigMapPods() {
  }

  public static List<PodSite> sites(ConfigMap cm) {
    Map<String, String> data = cm.getData() == null ? Map.of() : new TreeMap<>(cm.getData());
    return data.keySet().stream().flatMap(key -> site(cm, key).stream()).toList();
  }

  /** The pod in data key {@code key}, when its value is a YAML {@code kind: Pod} with a spec, or a Job's. */
  public static Optional<PodSite> site(ConfigMap cm, String key) {
    String text = cm.getData() == null ? null : cm.getData().get(key);
    Optional<Job> job = Conversion.yamlMap(text).filter(m -> "Job".equals(m.get("kind")))
        .map(m -> Conversion.convert(m, Job.class));
    if (job.isPresent()) {
      return PodSpecSource.podTemplate(cm, job.get().getSpec() == null ? null : job.get().getSpec().getTemplate(),
          "data[" + key + "].spec.template").stream().findFirst();
    }
    return pod(text)
        .filter(p -> p.getSpec() != null)
        .map(p -> PodSite.of(cm, p.getMetadata(), "data[" + key + "].metadata", p.getSpec(), "data[" + key + "].spec"));
  }

  /** The text as a Pod, or empty when it is not YAML of {@code kind: Pod}. */
  public static Optional<Pod> pod(String text) {
    return Conversion.yamlMap(text)
        .filter(m -> "Pod".equals(m.get("kind")))
        .map(m -> Conversion.convert(m, Pod.class));
  }
}
