package dev.sparkk8s.render;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a chart's {@code values.schema.json} to answer one question: which keys does the schema
 * allow at a given place in the values? Used to suggest the intended key for a typo.
 */
final class ValuesSchema {

  private static final int MAX_REF_DEPTH = 32;

  private final JsonNode root;

  private ValuesSchema(JsonNode root) {
    this.root = root;
  }

  /** The chart's schema, or an empty one (no keys known) when the chart has none or it cannot be read. */
  static ValuesSchema of(Path chartDir) {
    Path file = chartDir.resolve("values.schema.json");
    if (!Files.isRegularFile(file)) {
      return new ValuesSchema(MissingNode.getInstance());
    }
    try {
      return new ValuesSchema(new ObjectMapper().readTree(file.toFile()));
    } catch (IOException e) {
      return new ValuesSchema(MissingNode.getInstance());
    }
  }

  /**
   * The property names the schema declares for the object at {@code path} (segments of a JSON
   * pointer; array indexes are digits).
   */
  Set<String> keysAt(List<String> path) {
    List<JsonNode> here = expand(List.of(root));
    for (String segment : path) {
      List<JsonNode> next = new ArrayList<>();
      for (JsonNode schema : here) {
        JsonNode property = schema.path("properties").path(segment);
        if (!property.isMissingNode()) {
          next.add(property);
        }
        if (segment.chars().allMatch(Character::isDigit)) {
          int index = Integer.parseInt(segment);
          JsonNode prefix = schema.path("prefixItems").path(index);
          next.add(prefix.isMissingNode() ? schema.path("items") : prefix);
        }
        JsonNode additional = schema.path("additionalProperties");
        if (property.isMissingNode() && additional.isObject()) {
          next.add(additional);
        }
      }
      here = expand(next);
    }
    Set<String> keys = new TreeSet<>();
    for (JsonNode schema : here) {
      schema.path("properties").fieldNames().forEachRemaining(keys::add);
    }
    return keys;
  }

  /**
   * The places (segments of the values path) whose {@code propertyNames} schema refuses
   * {@code name}. jsonschema v6 reports a refused property name at location {@code ''}, not at the
   * object holding it, so the schema is searched for the objects it can belong to.
   */
  List<List<String>> propertyNameOwners(String name) {
    List<List<String>> owners = new ArrayList<>();
    findPropertyNameOwners(root, new ArrayList<>(), name, owners, 0);
    return owners;
  }

  private void findPropertyNameOwners(JsonNode schema, List<String> path, String name,
      List<List<String>> owners, int depth) {
    if (depth > MAX_REF_DEPTH) {
      return;
    }
    List<JsonNode> here = expand(List.of(schema));
    for (JsonNode s : here) {
      JsonNode names = s.path("propertyNames");
      if (names.isObject() && refuses(names, name) && !owners.contains(path)) {
        owners.add(List.copyOf(path));
      }
    }
    for (JsonNode s : here) {
      var fields = s.path("properties").fields();
      while (fields.hasNext()) {
        var field = fields.next();
        List<String> child = new ArrayList<>(path);
        child.add(field.getKey());
        findPropertyNameOwners(field.getValue(), child, name, owners, depth + 1);
      }
    }
  }

  /** Whether a propertyNames schema refuses a name (pattern, length, enum, const); unknown forms refuse. */
  private static boolean refuses(JsonNode names, String name) {
    boolean understood = false;
    if (names.path("pattern").isTextual()) {
      understood = true;
      try {
        if (!java.util.regex.Pattern.compile(names.path("pattern").asText()).matcher(name).find()) {
          return true;
        }
      } catch (java.util.regex.PatternSyntaxException e) {
        return true;
      }
    }
    if (names.path("maxLength").isInt()) {
      understood = true;
      if (name.codePointCount(0, name.length()) > names.path("maxLength").asInt()) {
        return true;
      }
    }
    if (names.path("minLength").isInt()) {
      understood = true;
      if (name.codePointCount(0, name.length()) < names.path("minLength").asInt()) {
        return true;
      }
    }
    if (names.path("enum").isArray()) {
      understood = true;
      boolean listed = false;
      for (JsonNode e : names.path("enum")) {
        listed |= e.isTextual() && e.asText().equals(name);
      }
      if (!listed) {
        return true;
      }
    }
    if (names.path("const").isTextual()) {
      understood = true;
      if (!names.path("const").asText().equals(name)) {
        return true;
      }
    }
    return !understood;
  }

  /** The schemas themselves plus every sub-schema that applies to the same value ($ref, allOf, ...). */
  private List<JsonNode> expand(List<JsonNode> schemas) {
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode schema : schemas) {
      collect(schema, out, 0);
    }
    return out;
  }

  private void collect(JsonNode schema, List<JsonNode> out, int depth) {
    if (schema == null || !schema.isObject() || depth > MAX_REF_DEPTH) {
      return;
    }
    out.add(schema);
    JsonNode ref = schema.path("$ref");
    if (ref.isTextual() && ref.asText().startsWith("#")) {
      collect(root.at(ref.asText().substring(1)), out, depth + 1);
    }
    for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
      for (JsonNode sub : schema.path(combinator)) {
        collect(sub, out, depth + 1);
      }
    }
    for (String branch : List.of("then", "else")) {
      collect(schema.path(branch), out, depth + 1);
    }
  }
}
