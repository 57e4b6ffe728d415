package dev.sparkk8s.policy;

import dev.sparkk8s.policy.source.Conversion;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.PodSpecSource;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The rendered objects under check, with the pod specs found in them. */
public final class Manifests {

  private final List<HasMetadata> objects;
  private final List<PodSite> podSites;

  /** Objects without metadata are not Kubernetes objects and are left out. */
  public Manifests(List<HasMetadata> objects) {
    this.objects = objects.stream().filter(o -> o != null && o.getMetadata() != null).map(Conversion::typed).toList();
    this.podSites = this.objects.stream().flatMap(o -> PodSpecSource.sites(o).stream()).toList();
  }

  public List<HasMetadata> objects() {
    return objects;
  }

  /** Every pod spec in the objects: workload templates, Pods, pod templates in ConfigMaps and SparkApplications. */
  public List<PodSite> podSites() {
    return podSites;
  }

  public <T extends HasMetadata> List<T> all(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  /** The ConfigMap named {@code name} in the namespace of {@code near}. */
  public Optional<ConfigMap> configMap(HasMetadata near, String name) {
    return all(ConfigMap.class).stream()
        .filter(cm -> name.equals(cm.getMetadata().getName()) && sameNamespace(near, cm))
        .findFirst();
  }

  /** {@code Kind/name}, as findings name a resource. */
  public static String ref(HasMetadata object) {
    return object.getKind() + "/" + (object.getMetadata() == null ? null : object.getMetadata().getName());
  }

  /** True unless both objects name a namespace and the names differ (rendered output often names none). */
  public static boolean sameNamespace(HasMetadata a, HasMetadata b) {
    String na = a.getMetadata() == null ? null : a.getMetadata().getNamespace();
    String nb = b.getMetadata() == null ? null : b.getMetadata().getNamespace();
    return na == null || nb == null || Objects.equals(na, nb);
  }
}
