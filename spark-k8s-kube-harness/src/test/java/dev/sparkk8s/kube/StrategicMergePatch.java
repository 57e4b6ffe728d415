package dev.sparkk8s.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Kubernetes' strategic merge patch, as far as the three-way patches Helm computes for the chart's objects need it:
 * maps merge, {@code null} deletes, lists of objects merge by their key ({@code $setElementOrder/...} names it, else
 * the field's key in the API's types), {@code $patch: delete|replace}, {@code $deleteFromPrimitiveList/...}; other
 * lists are replaced. The mock serves JSON merge and JSON patches only.
 */
final class StrategicMergePatch {

  private static final String ORDER = "$setElementOrder/";
  private static final String DELETE_FROM = "$deleteFromPrimitiveList/";
  private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
      "volumes", "name", "env", "name", "imagePullSecrets", "name", "volumeMounts", "mountPath",
      "volumeDevices", "devicePath");

  private StrategicMergePatch() {
  }

  static ObjectNode apply(ObjectNode target, ObjectNode patch) {
    if ("replace".equals(patch.path("$patch").asText())) {
      return withoutDirectives(patch);
    }
    ObjectNode result = target.deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.startsWith(DELETE_FROM)) {
        String field = key.substring(DELETE_FROM.length());
        if (result.get(field) instanceof ArrayNode list) {
          for (JsonNode gone : value) {
            for (int i = list.size() - 1; i >= 0; i--) {
              if (list.get(i).equals(gone)) {
                list.remove(i);
              }
            }
          }
        }
      } else if (key.startsWith("$")) {
        continue;
      } else if (value.isNull()) {
        result.remove(key);
      } else if (value.isObject()) {
        JsonNode current = result.get(key);
        result.set(key, apply(current instanceof ObjectNode o ? o : JsonNodeFactory.instance.objectNode(),
            (ObjectNode) value));
      } else if (value.isArray()) {
        String mergeKey = mergeKey(key, patch.get(ORDER + key));
        JsonNode current = result.get(key);
        result.set(key, mergeKey != null && current instanceof ArrayNode list
            ? merge(list, (ArrayNode) value, mergeKey) : withoutDirectives(value));
      } else {
        result.set(key, value);
      }
    }
    for (Iterator<String> names = patch.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (name.startsWith(ORDER) && result.get(name.substring(ORDER.length())) instanceof ArrayNode list) {
        result.set(name.substring(ORDER.length()), ordered(list, (ArrayNode) patch.get(name)));
      }
    }
    return result;
  }

  private static String mergeKey(String field, JsonNode order) {
    if (order != null && order.size() > 0 && order.get(0).isObject() && order.get(0).size() == 1) {
      return order.get(0).fieldNames().next();
    }
    return MERGE_KEYS.get(field);
  }

  private static ArrayNode merge(ArrayNode target, ArrayNode patch, String mergeKey) {
    ArrayNode result = target.deepCopy();
    for (JsonNode element : patch) {
      int at = indexOf(result, mergeKey, element.get(mergeKey));
      if ("delete".equals(element.path("$patch").asText())) {
        if (at >= 0) {
          result.remove(at);
        }
      } else if (at >= 0) {
        result.set(at, apply((ObjectNode) result.get(at), (ObjectNode) element));
      } else {
        result.add(withoutDirectives(element));
      }
    }
    return result;
  }

  private static ArrayNode ordered(ArrayNode list, ArrayNode order) {
    if (order.isEmpty() || !order.get(0).isObject()) {
      return list;
    }
    String mergeKey = order.get(0).fieldNames().next();
    List<JsonNode> rest = new ArrayList<>();
    list.forEach(rest::add);
    ArrayNode result = JsonNodeFactory.instance.arrayNode();
    for (JsonNode key : order) {
      int at = indexOf(list, mergeKey, key.get(mergeKey));
      if (at >= 0) {
        result.add(list.get(at));
        rest.remove(list.get(at));
      }
    }
    rest.forEach(result::add);
    return result;
  }

  private static int indexOf(ArrayNode list, String mergeKey, JsonNode key) {
    for (int i = 0; i < list.size(); i++) {
      if (key != null && key.equals(list.get(i).get(mergeKey))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode withoutDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields().forEachRemaining(e -> {
        if (!e.getKey().startsWith("$")) {
          copy.set(e.getKey(), withoutDirectives(e.getValue()));
        }
      });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(n -> copy.add(withoutDirectives(n)));
      return copy;
    }
    return node;
  }

  private static ObjectNode withoutDirectives(ObjectNode node) {
    return (ObjectNode) withoutDirectives((JsonNode) node);
  }
}
