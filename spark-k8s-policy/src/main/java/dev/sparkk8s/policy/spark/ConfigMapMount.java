package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A container's mount of a ConfigMap, directly or as a source of a projected volume.
 *
 * @param items the volume's {@code items}, or empty when every key is a file
 */
record ConfigMapMount(PodSite site, ContainerSite container, VolumeMount mount, Volume volume, String configMapName,
    List<KeyToPath> items) {

  /** Every ConfigMap mount of every container of the pod. */
  static List<ConfigMapMount> in(PodSite site) {
    List<ConfigMapMount> out = new ArrayList<>();
    List<Volume> volumes = site.spec().getVolumes() == null ? List.of() : site.spec().getVolumes();
    for (ContainerSite c : site.containers()) {
      List<VolumeMount> mounts = c.container().getVolumeMounts() == null ? List.of() : c.container().getVolumeMounts();
      for (VolumeMount m : mounts) {
        volumes.stream().filter(v -> Objects.equals(v.getName(), m.getName())).findFirst().ifPresent(v -> {
          if (v.getConfigMap() != null) {
            out.add(new ConfigMapMount(site, c, m, v, v.getConfigMap().getName(), items(v.getConfigMap().getItems())));
          } else if (v.getProjected() != null && v.getProjected().getSources() != null) {
            for (VolumeProjection p : v.getProjected().getSources()) {
              if (p.getConfigMap() != null) {
                out.add(new ConfigMapMount(site, c, m, v, p.getConfigMap().getName(), items(p.getConfigMap().getItems())));
              }
            }
          }
        });
      }
    }
    return out;
  }

  /** The pod-level field naming the ConfigMap, relative to the pod spec. */
  String volumeField() {
    return "volumes[" + volume.getName() + "]." + (volume.getConfigMap() != null ? "configMap" : "projected");
  }

  /** The ConfigMap key the container sees at {@code path} through this mount. */
  Optional<String> keyAt(String path) {
    String mountPath = strip(mount.getMountPath());
    String subPath = mount.getSubPath();
    String relative;
    if (subPath != null && !subPath.isEmpty()) {
      if (!mountPath.equals(path)) {
        return Optional.empty();
      }
      relative = subPath;
    } else {
      if (!path.startsWith(mountPath + "/")) {
        return Optional.empty();
      }
      relative = path.substring(mountPath.length() + 1);
    }
    if (items.isEmpty()) {
      return relative.contains("/") ? Optional.empty() : Optional.of(relative);
    }
    return items.stream().filter(i -> relative.equals(i.getPath())).map(KeyToPath::getKey).findFirst();
  }

  private static List<KeyToPath> items(List<KeyToPath> items) {
    return items == null ? List.of() : items;
  }

  private static String strip(String path) {
    return path != null && path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }
}
