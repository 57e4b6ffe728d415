package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Pods held as YAML in ConfigMap data, such as the executor pod template. */
public final class ConfigMapPods {

  private ConfigMapPods() {
  }

  public static List<PodSite> sites(ConfigMap cm) {
    Map<String, String> data = cm.getData() == null ? Map.of() : new TreeMap<>(cm.getData());
    return data.keySet().stream().flatMap(key -> site(cm, key).stream()).toList();
  }

  /** The pod in data key {@code key}, when its value is a YAML {@code kind: Pod} with a spec. */
  public static Optional<PodSite> site(ConfigMap cm, String key) {
    String text = cm.getData() == null ? null : cm.getData().get(key);
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
