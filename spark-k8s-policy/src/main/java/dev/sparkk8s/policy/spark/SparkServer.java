package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.List;
import java.util.Optional;

/** A (non-init) container that mounts a spark-conf ConfigMap: the process that reads it. */
record SparkServer(PodSite site, ContainerSite container) {

  static final String DEFAULT_CONF_DIR = "/opt/spark/conf";

  /** Every regular container, in any pod spec, that mounts {@code conf}. */
  static List<SparkServer> mounting(Manifests manifests, ConfigMap conf) {
    String name = conf.getMetadata().getName();
    return manifests.podSites().stream()
        .filter(site -> Manifests.sameNamespace(site.owner(), conf))
        .flatMap(site -> ConfigMapMount.in(site).stream())
        .filter(m -> !m.container().init() && name.equals(m.configMapName()))
        .map(m -> new SparkServer(m.site(), m.container()))
        .distinct()
        .toList();
  }

  /** {@code SPARK_CONF_DIR} as the container sets it, else the image's {@code /opt/spark/conf}. */
  String confDir() {
    List<EnvVar> env = container.container().getEnv() == null ? List.of() : container.container().getEnv();
    return env.stream().filter(e -> "SPARK_CONF_DIR".equals(e.getName()) && e.getValue() != null)
        .map(EnvVar::getValue).findFirst().orElse(DEFAULT_CONF_DIR);
  }

  /** What the container sees at {@code path}. */
  MountedFile file(Manifests manifests, String path) {
    Optional<ConfigMapMount> mount = ConfigMapMount.in(site).stream()
        .filter(m -> m.container().equals(container) && m.keyAt(path).isPresent())
        .findFirst();
    if (mount.isEmpty()) {
      return new MountedFile(path, null, null, null);
    }
    String key = mount.get().keyAt(path).orElseThrow();
    return new MountedFile(path, mount.get(), key,
        manifests.configMap(site.owner(), mount.get().configMapName()).orElse(null));
  }
}
