package dev.sparkk8s.render;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A rendered release: the exact {@code helm template} output, its documents and the objects they
 * hold, parsed into fabric8 model objects.
 */
public final class RenderedRelease {

  private final String yaml;
  private final List<Manifest> manifests;
  private final List<HasMetadata> objects;

  RenderedRelease(String yaml, List<Manifest> manifests, List<HasMetadata> objects) {
    this.yaml = yaml;
    this.manifests = List.copyOf(manifests);
    this.objects = List.copyOf(objects);
  }

  /** A release from {@code helm template} output, such as {@link #yaml()} of an earlier render. */
  public static RenderedRelease parse(String yaml) {
    List<Manifest> manifests = Manifest.split(yaml);
    return new RenderedRelease(yaml, manifests, ManifestParser.parse(manifests));
  }

  /** Exactly what {@code helm template} prints for the same inputs. */
  public String yaml() {
    return yaml;
  }

  public List<Manifest> manifests() {
    return manifests;
  }

  public List<HasMetadata> objects() {
    return objects;
  }

  /** Objects of one kind, as the given model class ({@code Deployment.class}, ...). */
  public <T extends HasMetadata> List<T> objects(Class<T> type) {
    return objects.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
  }

  public List<HasMetadata> ofKind(String kind) {
    return objects.stream().filter(o -> kind.equals(o.getKind())).collect(Collectors.toList());
  }

  /** Objects labelled with the component. */
  public List<HasMetadata> withComponent(Component component) {
    return objects.stream().filter(component::labels).collect(Collectors.toList());
  }

  public Optional<HasMetadata> find(String kind, String name) {
    return objects.stream()
        .filter(o -> kind.equals(o.getKind()) && o.getMetadata() != null
            && name.equals(o.getMetadata().getName()))
        .findFirst();
  }
}
