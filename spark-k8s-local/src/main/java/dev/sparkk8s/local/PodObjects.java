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

  /** These objects and a Secret the runtime holds itself (the embedded S3 server's keys), which wins over theirs. */
  default PodObjects with(Secret secret) {
    PodObjects objects = this;
    String name = secret.getMetadata().getName();
    return new PodObjects() {
      @Override
      public Optional<ConfigMap> configMap(String n) {
        return objects.configMap(n);
      }

      @Override
      public Optional<Secret> secret(String n) {
        return n.equals(name) ? Optional.of(secret) : objects.secret(n);
      }
    };
  }

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
