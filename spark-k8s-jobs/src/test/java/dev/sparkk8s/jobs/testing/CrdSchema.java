package dev.sparkk8s.jobs.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A CRD's structural schema (openAPIV3Schema of one version), checked as the API server checks an object: types,
 * required fields, enums, bounds and patterns, and no field the schema does not declare (the API server would prune
 * it silently) unless {@code x-kubernetes-preserve-unknown-fields}. The root's apiVersion, kind and metadata are the
 * API server's own.
 */
public final class CrdSchema {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode schema;

  private CrdSchema(JsonNode schema) {
    this.schema = schema;
  }

  /** The schema of the served version named in the CRD test resource. */
  public static CrdSchema of(String resource, String version) {
    try {
      JsonNode crd = YAML.readTree(Documents.text(resource));
      for (JsonNode v : crd.path("spec").path("versions")) {
        if (version.equals(v.path("name").asText())) {
          return new CrdSchema(v.path("schema").path("openAPIV3Schema"));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalArgumentException(resource + " has no version " + version);
  }

  /** The object's violations, each naming its path; empty when valid. */
  public List<String> violations(Object object) {
    JsonNode node = JSON.valueToTree(object);
    List<String> out = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!List.of("apiVersion", "kind", "metadata").contains(field.getKey())) {
        check(field.getValue(), schema.path("properties").path(field.getKey()), field.getKey(), out);
      }
    }
    required(node, schema, "", out);
    return out;
  }

  private static void check(JsonNode value, JsonNode s, String path, List<String> out) {
    if (s.isMissingNode()) {
      out.add(path + ": not in the schema (the API server drops it)");
      return;
    }
    if (value.isNull()) {
      if (!s.path("nullable").asBoolean()) {
        out.add(path + ": null");
      }
      return;
    }
    if (s.path("x-kubernetes-int-or-string").asBoolean()) {
      if (!value.isIntegralNumber() && !value.isTextual()) {
        out.add(path + ": neither an integer nor a string");
      }
      return;
    }
    String type = s.path("type").asText("");
    switch (type) {
      case "object" -> object(value, s, path, out);
      case "array" -> {
        if (!value.isArray()) {
          out.add(path + ": not an array");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          check(value.get(i), s.path("items"), path + "[" + i + "]", out);
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          out.add(path + ": not a string but " + value);
        } else if (s.has("pattern") && !Pattern.compile(s.get("pattern").asText()).matcher(value.asText()).find()) {
          out.add(path + ": " + value + " does not match " + s.get("pattern").asText());
        }
      }
      case "integer" -> {
        if (!value.isIntegralNumber()) {
          out.add(path + ": not an integer but " + value);
        }
      }
      case "number" -> {
        if (!value.isNumber()) {
          out.add(path + ": not a number but " + value);
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          out.add(path + ": not a boolean but " + value);
        }
      }
      default -> {
        if (!s.path("x-kubernetes-preserve-unknown-fields").asBoolean()) {
          out.add(path + ": the schema gives no type");
        }
      }
    }
    if (s.has("enum")) {
      boolean listed = false;
      for (JsonNode e : s.get("enum")) {
        listed |= e.equals(value);
      }
      if (!listed) {
        out.add(path + ": " + value + " is not one of " + s.get("enum"));
      }
    }
    if (s.has("minimum") && value.isNumber() && value.asDouble() < s.get("minimum").asDouble()) {
      out.add(path + ": " + value + " is below " + s.get("minimum"));
    }
  }

  private static void object(JsonNode value, JsonNode s, String path, List<String> out) {
    if (!value.isObject()) {
      out.add(path + ": not an object");
      return;
    }
    boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean();
    JsonNode additional = s.path("additionalProperties");
    for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      String child = path + "." + field.getKey();
      JsonNode declared = s.path("properties").path(field.getKey());
      if (!declared.isMissingNode()) {
        check(field.getValue(), declared, child, out);
      } else if (additional.isObject()) {
        check(field.getValue(), additional, child, out);
      } else if (!preserve && !additional.asBoolean(false)) {
        out.add(child + ": not in the schema (the API server drops it)");
      }
    }
    required(value, s, path, out);
  }

  private static void required(JsonNode value, JsonNode s, String path, List<String> out) {
    for (JsonNode name : s.path("required")) {
      if (!value.has(name.asText())) {
        out.add((path.isEmpty() ? "" : path + ".") + name.asText() + ": required");
      }
    }
  }
}
