package dev.sparkk8s.policy.source;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Moves between untyped maps (custom resources, YAML text) and the fabric8 model. */
public final class Conversion {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  private Conversion() {
  }

  public static <T> T convert(Object value, Class<T> type) {
    return SERIALIZATION.convertValue(value, type);
  }

  /** Each element of a list value converted; an absent value is an empty list. */
  public static <T> List<T> convertList(Object value, Class<T> type) {
    if (!(value instanceof List<?> list)) {
      return List.of();
    }
    return list.stream().map(e -> convert(e, type)).toList();
  }

  /** A built-in kind that arrived untyped becomes its model class; anything else is returned as is. */
  public static HasMetadata typed(HasMetadata object) {
    if (!(object instanceof GenericKubernetesResource generic)) {
      return object;
    }
    Class<? extends KubernetesResource> type =
        SERIALIZATION.getRegisteredKubernetesResource(generic.getApiVersion(), generic.getKind());
    if (type == null || !HasMetadata.class.isAssignableFrom(type) || type == GenericKubernetesResource.class) {
      return object;
    }
    return (HasMetadata) convert(generic, type);
  }

  /** The text as a YAML (or JSON) mapping, or empty when it is not one. */
  @SuppressWarnings("unchecked")
  public static Optional<Map<String, Object>> yamlMap(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(SERIALIZATION.unmarshal(text, Map.class));
    } catch (RuntimeException notAMapping) {
      return Optional.empty();
    }
  }

  public static String asYaml(Object value) {
    return SERIALIZATION.asYaml(value);
  }

  /** A nested mapping of an untyped object, or an empty one. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  /** A mapping of strings (annotations, sparkConf); non-string values are written as text. */
  public static Map<String, String> stringMap(Object value) {
    Map<String, String> out = new LinkedHashMap<>();
    map(value).forEach((k, v) -> {
      if (v != null) {
        out.put(k, String.valueOf(v));
      }
    });
    return out;
  }
}
