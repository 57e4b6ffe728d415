package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.Optional;

/** One container of a pod spec, with where its fields live. */
public record ContainerSite(Container container, boolean init, FieldPath path) {

  public String name() {
    return container.getName();
  }

  public Optional<SecurityContext> security() {
    return Optional.ofNullable(container.getSecurityContext());
  }
}
