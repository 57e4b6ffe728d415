package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The type values.schema.json gives a values key, in words: {@code string}, {@code list of string}, ... */
final class SchemaType {

  private SchemaType() {
  }

  /** The type of {@code dottedKey} in {@code schema}; empty when the schema has no type for it. */
  static Optional<String> of(JsonNode schema, String dottedKey) {
    JsonNode node = schema;
    for (String name : dottedKey.split("\\.")) {
      node = resolve(schema, node).path("properties").path(name);
    }
    return node.isMissingNode() ? Optional.empty() : describe(schema, node);
  }

  /** A local {@code $ref} ({@code #/definitions/x}) resolved; any other node as it is. */
  private static JsonNode resolve(JsonNode schema, JsonNode node) {
    String ref = node.path("$ref").asText("");
    return ref.startsWith("#/") ? schema.at(ref.substring(1)) : node;
  }

  /** A definition is named by its title ({@code pod settings}, {@code toleration}). */
  private static Optional<String> describe(JsonNode schema, JsonNode reference) {
    JsonNode node = resolve(schema, reference);
    if (node.has("title")) {
      return Optional.of(node.get("title").asText());
    }
    JsonNode alternatives = node.has("oneOf") ? node.get("oneOf") : node.get("anyOf");
    if (alternatives != null) {
      List<String> types = new ArrayList<>();
      alternatives.forEach(a -> describe(schema, a).ifPresent(types::add));
      return types.isEmpty() ? Optional.empty() : Optional.of(or(types));
    }
    JsonNode type = node.get("type");
    if (type == null) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    if (type.isArray()) {
      type.forEach(t -> names.add(t.asText()));
    } else {
      names.add(type.asText());
    }
    String text = switch (names.size() == 1 ? names.get(0) : "") {
      case "array" -> "list of " + describe(schema, node.path("items")).orElse("any");
      case "object" -> node.has("properties")
          ? "object {" + String.join(", ", names(node.get("properties").fieldNames())) + "}"
          : "map of " + describe(schema, node.path("additionalProperties")).orElse("any");
      default -> or(names);
    };
    if (node.has("enum")) {
      List<String> values = new ArrayList<>();
      node.get("enum").forEach(v -> values.add("`" + v.asText() + "`"));
      text += ": " + String.join(", ", values);
    }
    return Optional.of(text);
  }

  private static String or(List<String> types) {
    if (types.size() == 1) {
      return types.get(0);
    }
    return types.subList(0, types.size() - 1).stream().collect(Collectors.joining(", "))
        + " or " + types.get(types.size() - 1);
  }

  private static List<String> names(Iterator<String> names) {
    List<String> out = new ArrayList<>();
    names.forEachRemaining(out::add);
    return out;
  }
}
