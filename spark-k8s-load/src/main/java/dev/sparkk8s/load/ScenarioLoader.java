package dev.sparkk8s.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenarios from YAML: the built-in ones ({@code smoke}, {@code mixed}, {@code heavy}, shipped as
 * resources in the same format) or a user's file. Unknown or malformed fields are refused by name.
 */
public final class ScenarioLoader {

  public static final List<String> BUILT_IN = List.of("smoke", "mixed", "heavy");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final Map<String, Set<String>> FIELDS = Map.of(
      "", Set.of("name", "description", "data", "mix", "run", "criteria"),
      "data", Set.of("rowsPerScale", "customers"),
      "run", Set.of("sessions", "duration"),
      "criteria", Set.of("minSuccessRate", "maxP95"));

  private ScenarioLoader() {
  }

  /** A built-in scenario by name, or a YAML file by path. */
  public static Scenario load(String nameOrFile) {
    if (BUILT_IN.contains(nameOrFile)) {
      try (InputStream in = ScenarioLoader.class.getResourceAsStream("scenarios/" + nameOrFile + ".yaml")) {
        return parse(YAML.readTree(in), "scenario " + nameOrFile);
      } catch (IOException e) {
        throw new IllegalStateException("built-in scenario " + nameOrFile + " is unreadable", e);
      }
    }
    Path file = Path.of(nameOrFile);
    if (!Files.isRegularFile(file)) {
      throw new ScenarioException("--scenario " + nameOrFile + ": neither a built-in scenario (" + String.join(", ", BUILT_IN)
          + ") nor a file");
    }
    try {
      return parse(YAML.readTree(file.toFile()), "scenario " + file);
    } catch (IOException e) {
      throw new ScenarioException("scenario " + file + ": not YAML: " + e.getMessage().lines().findFirst().orElse(""));
    }
  }

  static Scenario parse(JsonNode root, String source) {
    if (root == null || !root.isObject()) {
      throw new ScenarioException(source + ": expected a mapping with name, data, mix, run and criteria");
    }
    refuseUnknown(root, "", source);
    for (String section : List.of("data", "run", "criteria")) {
      if (root.has(section)) {
        refuseUnknown(root.get(section), section, source);
      }
    }
    String name = text(root, "name", source, null);
    Map<QueryType, Integer> mix = mix(root.path("mix"), source);
    return new Scenario(name, text(root, "description", source, ""),
        positiveLong(root.path("data"), "data.rowsPerScale", source),
        (int) positiveLong(root.path("data"), "data.customers", source),
        mix,
        (int) positiveLong(root.path("run"), "run.sessions", source),
        Durations.parse(text(root.path("run"), "duration", source, null), source + ": run.duration"),
        rate(root.path("criteria"), source),
        Durations.parse(text(root.path("criteria"), "maxP95", source, null), source + ": criteria.maxP95"));
  }

  private static Map<QueryType, Integer> mix(JsonNode mix, String source) {
    if (!mix.isObject() || mix.isEmpty()) {
      throw new ScenarioException(source + ": mix: give a weight for at least one of " + typeNames());
    }
    Map<QueryType, Integer> weights = new EnumMap<>(QueryType.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = mix.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      QueryType type = Arrays.stream(QueryType.values()).filter(t -> t.key().equals(e.getKey())).findFirst()
          .orElseThrow(() -> new ScenarioException(source + ": mix." + e.getKey() + ": unknown query type; use "
              + typeNames()));
      if (!e.getValue().canConvertToInt() || e.getValue().asInt() < 0) {
        throw new ScenarioException(source + ": mix." + e.getKey() + ": \"" + e.getValue().asText()
            + "\" is not a weight; use a whole number, 0 or more");
      }
      weights.put(type, e.getValue().asInt());
    }
    if (weights.values().stream().allMatch(w -> w == 0)) {
      throw new ScenarioException(source + ": mix: every weight is 0; give at least one query type a weight");
    }
    return weights;
  }

  private static double rate(JsonNode criteria, String source) {
    JsonNode v = criteria.get("minSuccessRate");
    if (v == null || !v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
      throw new ScenarioException(source + ": criteria.minSuccessRate: give a number from 0 to 1, e.g. 0.99");
    }
    return v.asDouble();
  }

  private static long positiveLong(JsonNode parent, String field, String source) {
    JsonNode v = parent.get(field.substring(field.indexOf('.') + 1));
    if (v == null || !v.canConvertToLong() || v.asLong() < 1) {
      throw new ScenarioException(source + ": " + field + ": give a whole number, 1 or more");
    }
    return v.asLong();
  }

  private static String text(JsonNode parent, String field, String source, String fallback) {
    JsonNode v = parent.get(field);
    if (v == null || v.isNull()) {
      if (fallback == null) {
        throw new ScenarioException(source + ": " + field + " is missing");
      }
      return fallback;
    }
    return v.asText();
  }

  private static void refuseUnknown(JsonNode node, String section, String source) {
    if (!node.isObject()) {
      throw new ScenarioException(source + ": " + section + ": expected a mapping");
    }
    Set<String> allowed = FIELDS.get(section);
    List<String> unknown = new ArrayList<>();
    node.fieldNames().forEachRemaining(f -> {
      if (!allowed.contains(f) && !(section.isEmpty() && f.equals("mix"))) {
        unknown.add(f);
      }
    });
    if (!unknown.isEmpty()) {
      String prefix = section.isEmpty() ? "" : section + ".";
      throw new ScenarioException(source + ": " + prefix + unknown.get(0) + ": unknown field (allowed: "
          + String.join(", ", allowed) + ")");
    }
  }

  private static String typeNames() {
    return String.join(", ", Arrays.stream(QueryType.values()).map(QueryType::key).toList());
  }
}
