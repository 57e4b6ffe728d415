package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/** Model objects and YAML text as Jackson trees, for path-based assertions and diffs. */
final class Json {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Json() {
  }

  static JsonNode tree(Object modelObject) {
    return JSON.valueToTree(modelObject);
  }

  static JsonNode yaml(String text) {
    try {
      return YAML.readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError("not YAML: " + e.getMessage() + "\n" + text, e);
    }
  }
}
