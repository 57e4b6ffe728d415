package dev.sparkk8s.local;

import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A pod's volumes as directories of the run (where {@link LocalAddresses#volumeDir} puts them): a
 * configMap or secret volume holds its keys as files ({@code items} choosing and renaming them) with
 * their modes ({@code defaultMode}, an item's {@code mode}; 0644 else), the addresses in a mounted
 * {@code spark-defaults.conf} made local; every other volume (emptyDir, a
 * claim, ...) is a directory that keeps what it holds across restarts.
 */
final class PodVolumes {

  private static final int DEFAULT_MODE = 0644;

  private PodVolumes() {
  }

  /** Writes the volumes this container mounts (a pod's other containers write theirs, with their own mount paths). */
  static void materialise(ChartContainer c, PodObjects objects, LocalAddresses addresses) {
    Set<String> mounted = c.container().getVolumeMounts() == null ? Set.of()
        : c.container().getVolumeMounts().stream().map(m -> m.getName()).collect(Collectors.toSet());
    try {
      for (Volume volume : c.pod().getSpec().getVolumes().stream().filter(v -> mounted.contains(v.getName())).toList()) {
        Path dir = Files.createDirectories(addresses.volumeDir(c, volume));
        for (Map.Entry<String, byte[]> file : files(c, volume, objects).entrySet()) {
          Path target = dir.resolve(file.getKey());
          Files.createDirectories(target.getParent());
          Files.write(target, rewrite(c, addresses, target.getFileName().toString(), file.getValue()));
          Files.setPosixFilePermissions(target, permissions(mode(volume, file.getKey())));
        }
      }
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write the run directory for " + c.instance() + ": " + e.getMessage(), e);
    }
  }

  /** Relative path -> content of the files a volume holds. */
  private static Map<String, byte[]> files(ChartContainer c, Volume volume, PodObjects objects) {
    if (volume.getConfigMap() != null) {
      String name = volume.getConfigMap().getName();
      return objects.configMap(name).map(PodVolumes::data)
          .map(data -> selected(c, "ConfigMap " + name, data, volume.getConfigMap().getItems(),
              volume.getConfigMap().getOptional()))
          .orElseGet(() -> absent(c, "ConfigMap " + name, volume.getConfigMap().getOptional()));
    }
    if (volume.getSecret() != null) {
      String name = volume.getSecret().getSecretName();
      return objects.secret(name).map(PodVolumes::data)
          .map(data -> selected(c, "Secret " + name, data, volume.getSecret().getItems(), volume.getSecret().getOptional()))
          .orElseGet(() -> absent(c, "Secret " + name, volume.getSecret().getOptional()));
    }
    return Map.of();
  }

  private static Map<String, byte[]> data(ConfigMap cm) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (cm.getData() != null) {
      cm.getData().forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (cm.getBinaryData() != null) {
      cm.getBinaryData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    return out;
  }

  private static Map<String, byte[]> data(Secret s) {
    Map<String, byte[]> out = new LinkedHashMap<>();
    if (s.getData() != null) {
      s.getData().forEach((k, v) -> out.put(k, Base64.getDecoder().decode(v)));
    }
    if (s.getStringData() != null) {
      s.getStringData().forEach((k, v) -> out.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    return out;
  }

  /**
   * All keys under their own names, or only the listed ones under their paths; a listed key the object lacks fails
   * the pod, as the kubelet fails its volume, unless the volume is optional.
   */
  private static Map<String, byte[]> selected(ChartContainer c, String what, Map<String, byte[]> data,
      List<KeyToPath> items, Boolean optional) {
    if (items == null || items.isEmpty()) {
      return data;
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (KeyToPath item : items) {
      if (data.containsKey(item.getKey())) {
        out.put(item.getPath(), data.get(item.getKey()));
      } else if (!Boolean.TRUE.equals(optional)) {
        throw new LocalInputException(c.instance() + ": " + what + " has no key " + item.getKey()
            + ", which the pod mounts as " + item.getPath() + "; add it to the " + what.split(" ")[0]);
      }
    }
    return out;
  }

  /** The mode the kubelet gives a file of the volume: its item's, else the volume's default, else 0644. */
  private static int mode(Volume volume, String path) {
    Integer defaultMode = null;
    List<KeyToPath> items = null;
    if (volume.getConfigMap() != null) {
      defaultMode = volume.getConfigMap().getDefaultMode();
      items = volume.getConfigMap().getItems();
    } else if (volume.getSecret() != null) {
      defaultMode = volume.getSecret().getDefaultMode();
      items = volume.getSecret().getItems();
    }
    for (KeyToPath item : items == null ? List.<KeyToPath>of() : items) {
      if (item.getPath().equals(path) && item.getMode() != null) {
        return item.getMode();
      }
    }
    return defaultMode == null ? DEFAULT_MODE : defaultMode;
  }

  /** The mode's permission bits; the owner keeps write, since a restarted instance gets its files again. */
  private static Set<PosixFilePermission> permissions(int mode) {
    int bits = mode | 0200;
    PosixFilePermission[] byBit = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE,
        PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE,
        PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE,
        PosixFilePermission.OWNER_READ};
    Set<PosixFilePermission> out = EnumSet.noneOf(PosixFilePermission.class);
    for (int bit = 0; bit < byBit.length; bit++) {
      if ((bits & (1 << bit)) != 0) {
        out.add(byBit[bit]);
      }
    }
    return out;
  }

  private static Map<String, byte[]> absent(ChartContainer c, String what, Boolean optional) {
    if (Boolean.TRUE.equals(optional)) {
      return Map.of();
    }
    throw new LocalRuntimeException(c.instance() + " mounts " + what + ", which does not exist");
  }

  /** The file Spark's submission client writes a cluster-mode driver's configuration to (Constants.SPARK_CONF_FILE_NAME). */
  private static final String SPARK_PROPERTIES = "spark.properties";

  private static byte[] rewrite(ChartContainer c, LocalAddresses addresses, String fileName, byte[] content) {
    // The chart's configuration, or the one Spark's submission client gives a cluster-mode driver.
    if (!fileName.equals(ChartConfigMap.SPARK_DEFAULTS) && !fileName.equals(SPARK_PROPERTIES)) {
      return content;
    }
    return SparkDefaults.parse(new String(content, StandardCharsets.UTF_8)).entrySet().stream()
        .map(e -> e.getKey() + " " + addresses.confValue(c, e.getKey(), e.getValue()))
        .collect(Collectors.joining("\n", "", "\n")).getBytes(StandardCharsets.UTF_8);
  }
}
