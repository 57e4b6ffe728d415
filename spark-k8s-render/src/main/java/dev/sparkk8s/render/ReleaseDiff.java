package dev.sparkk8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What differs between two renders: objects added and removed (by {@code Kind/name}), and for
 * objects in both, the JSON paths of changed leaves. Files embedded in ConfigMaps are compared
 * inside: spark-defaults.conf by key ({@code data/spark-defaults.conf#spark.master}), YAML files
 * by path.
 */
public record ReleaseDiff(Set<String> added, Set<String> removed, Set<String> changed) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  public static ReleaseDiff between(RenderedRelease before, RenderedRelease after) {
    Map<String, JsonNode> a = index(before);
    Map<String, JsonNode> b = index(after);
    Set<String> added = new TreeSet<>(b.keySet());
    added.removeAll(a.keySet());
    Set<String> removed = new TreeSet<>(a.keySet());
    removed.removeAll(b.keySet());
    Set<String> changed = new TreeSet<>();
    for (String id : a.keySet()) {
      if (b.containsKey(id)) {
        Map<String, String> left = leaves(a.get(id));
        Map<String, String> right = leaves(b.get(id));
        Set<String> paths = new TreeSet<>(left.keySet());
        paths.addAll(right.keySet());
        paths.stream().filter(p -> !Objects.equals(left.get(p), right.get(p)))
            .forEach(p -> changed.add(id + " " + p));
      }
    }
    return new ReleaseDiff(added, removed, changed);
  }

  public boolean isEmpty() {
    return added.isEmpty() && removed.isEmpty() && changed.isEmpty();
  }

  /** The objects changed in place ({@code Kind/name}), without their paths. */
  public Set<String> changedObjects() {
    Set<String> objects = new TreeSet<>();
    changed.forEach(c -> objects.add(c.substring(0, c.indexOf(' '))));
    return objects;
  }

  private static Map<String, JsonNode> index(RenderedRelease release) {
    Map<String, JsonNode> byId = new TreeMap<>();
    for (HasMetadata o : release.objects()) {
      JsonNode tree = JSON.valueToTree(o);
      if (o instanceof ConfigMap cm && cm.getData() != null) {
        ObjectNode data = ((ObjectNode) tree).putObject("data");
        cm.getData().forEach((key, text) -> data.set(key, embedded(key, text)));
      }
      byId.put(o.getKind() + "/" + o.getMetadata().getName(), tree);
    }
    return byId;
  }

  private static JsonNode embedded(String key, String text) {
    if (key.equals(ChartConfigMap.SPARK_DEFAULTS)) {
      ObjectNode node = JsonNodeFactory.instance.objectNode();
      SparkDefaults.parse(text).forEach((k, v) -> node.put("#" + k, v));
      return node;
    }
    return key.endsWith(".yaml") ? yaml(text) : TextNode.valueOf(text);
  }

  private static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, String> leaves(JsonNode root) {
    Map<String, String> out = new TreeMap<>();
    collect(root, "", out);
    return out;
  }

  private static void collect(JsonNode node, String path, Map<String, String> out) {
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String sep = e.getKey().startsWith("#") ? "" : "/";
        collect(e.getValue(), path + sep + e.getKey(), out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), path + "/" + i, out);
      }
    } else {
      out.put(path.isEmpty() ? "/" : path, node.asText());
    }
  }
}
