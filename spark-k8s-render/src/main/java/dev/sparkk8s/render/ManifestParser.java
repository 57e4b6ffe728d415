package dev.sparkk8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns rendered manifests into fabric8 model objects: typed classes for the kinds fabric8 knows
 * (Deployment, ConfigMap, ...), {@code GenericKubernetesResource} for custom resources such as
 * SparkApplication.
 */
final class ManifestParser {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
  private static final YAMLMapper YAML = new YAMLMapper();

  private ManifestParser() {
  }

  static List<HasMetadata> parse(List<Manifest> manifests) {
    List<HasMetadata> objects = new ArrayList<>();
    for (Manifest manifest : manifests) {
      try (MappingIterator<JsonNode> docs = YAML.readerFor(JsonNode.class).readValues(manifest.content())) {
        while (docs.hasNext()) {
          JsonNode doc = docs.next();
          if (doc == null || doc.isNull() || doc.isMissingNode() || doc.isEmpty()) {
            continue;
          }
          KubernetesResource resource = SERIALIZATION.convertValue(doc, KubernetesResource.class);
          if (!(resource instanceof HasMetadata)) {
            throw new ChartException(manifest.source() + ": not a Kubernetes object with metadata: "
                + (resource == null ? "null" : resource.getClass().getSimpleName()));
          }
          objects.add((HasMetadata) resource);
        }
      } catch (IOException | IllegalArgumentException e) {
        throw new ChartException(manifest.source() + ": cannot be read as a Kubernetes object: "
            + e.getMessage(), e);
      }
    }
    return objects;
  }
}
