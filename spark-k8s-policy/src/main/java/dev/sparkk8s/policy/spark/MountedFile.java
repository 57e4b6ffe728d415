package dev.sparkk8s.policy.spark;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * A file path in a container, and the ConfigMap key that provides it.
 *
 * @param mount     the ConfigMap mount covering the path, or null when none does
 * @param key       the ConfigMap key at the path, or null
 * @param configMap the mounted ConfigMap among the rendered objects, or null when it is not there
 */
record MountedFile(String path, ConfigMapMount mount, String key, ConfigMap configMap) {

  /** True when a rendered ConfigMap provides the file. */
  boolean found() {
    return configMap != null && configMap.getData() != null && configMap.getData().containsKey(key);
  }

  String content() {
    return found() ? configMap.getData().get(key) : null;
  }
}
