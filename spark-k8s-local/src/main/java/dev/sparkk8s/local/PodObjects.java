package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.Optional;

/**
 * The objects a pod refers to by name (env {@code configMapKeyRef}/{@code secretKeyRef}, configMap
 * and secret volumes), from wherever the pod's namespace keeps them: a rendered release, or an API.
 */
public interface PodObjects {

  Optional<ConfigMap> configMap(String name);

  Optional<Secret> secret(String name);

  /** The objects a rendered release holds (a chart renders no Secret it is only given the name of). */
  static PodObjects of(RenderedRelease release) {
    return new PodObjects() {
      @Override
      public Optional<ConfigMap> configMap(String name) {
        return release.find("ConfigMap", name).map(ConfigMap.class::cast);
      }

      @Override
      public Optional<Secret> secret(String name) {
        return release.find("Secret", name).map(Secret.class::cast);
      }
    };
  }
}
