package dev.sparkk8s.jobs.submit;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;

/** A profile's pod template as the untyped {@code {metadata, spec}} an operator's SparkApplication holds. */
final class OperatorPodTemplates {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private OperatorPodTemplates() {
  }

  /** The pod's metadata and spec, without the metadata keys listed (which the application types instead). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> asMap(Pod pod, List<String> typedMetadata) {
    Map<String, Object> all = SERIALIZATION.convertValue(pod, Map.class);
    Map<String, Object> metadata = (Map<String, Object>) all.getOrDefault("metadata", Map.of());
    typedMetadata.forEach(metadata::remove);
    return Map.of("metadata", metadata, "spec", all.get("spec"));
  }
}
