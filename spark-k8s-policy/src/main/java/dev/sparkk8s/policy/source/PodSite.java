package dev.sparkk8s.policy.source;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One pod spec found in a rendered object, with the paths of its fields in that object.
 *
 * @param owner        the rendered object holding the pod spec
 * @param metadata     the pod's metadata (never null)
 * @param metadataPath where the pod's metadata fields live
 * @param spec         the pod spec (never null)
 * @param specPath     where the pod spec's fields live
 * @param containers   init containers, then containers
 */
public record PodSite(
    HasMetadata owner, ObjectMeta metadata, FieldPath metadataPath, PodSpec spec, FieldPath specPath,
    List<ContainerSite> containers) {

  /** A pod spec whose fields all live under {@code metadataPath} and {@code specPath}. */
  public static PodSite of(HasMetadata owner, ObjectMeta metadata, String metadataPath, PodSpec spec, String specPath) {
    FieldPath paths = FieldPath.at(specPath);
    List<ContainerSite> containers = new ArrayList<>();
    for (Container c : nonNull(spec.getInitContainers())) {
      containers.add(new ContainerSite(c, true, FieldPath.at(paths.of("initContainers[" + c.getName() + "]"))));
    }
    for (Container c : nonNull(spec.getContainers())) {
      containers.add(new ContainerSite(c, false, FieldPath.at(paths.of("containers[" + c.getName() + "]"))));
    }
    return new PodSite(owner, metadata == null ? new ObjectMeta() : metadata, FieldPath.at(metadataPath), spec,
        paths, List.copyOf(containers));
  }

  public String resource() {
    return Manifests.ref(owner);
  }

  public Map<String, String> annotations() {
    return metadata.getAnnotations() == null ? Map.of() : metadata.getAnnotations();
  }

  public Map<String, String> labels() {
    return metadata.getLabels() == null ? Map.of() : metadata.getLabels();
  }

  public Optional<PodSecurityContext> podSecurity() {
    return Optional.ofNullable(spec.getSecurityContext());
  }

  /** A finding about a pod-level field, {@code field} relative to the pod spec. */
  public Finding onPod(String rule, String field, String message, String fix) {
    return new Finding(rule, resource(), null, specPath.of(field), message, fix);
  }

  /** A finding about pod metadata, {@code field} relative to the metadata. */
  public Finding onMetadata(String rule, String container, String field, String message, String fix) {
    return new Finding(rule, resource(), container, metadataPath.of(field), message, fix);
  }

  /** A finding about a container field, {@code field} relative to the container. */
  public Finding onContainer(String rule, ContainerSite container, String field, String message, String fix) {
    return new Finding(rule, resource(), container.name(), container.path().of(field), message, fix);
  }

  /** A finding about a pod-level field that concerns one container (such as a volume it mounts). */
  public Finding onPodFor(String rule, ContainerSite container, String field, String message, String fix) {
    return new Finding(rule, resource(), container.name(), specPath.of(field), message, fix);
  }

  static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
