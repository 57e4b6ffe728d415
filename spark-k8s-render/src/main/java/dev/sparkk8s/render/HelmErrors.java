package dev.sparkk8s.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Translates the errors of the embedded Helm (3.21) into {@link ValuesException} lines that name
 * the values key in dotted form, or into a {@link ChartException} when the chart itself is at fault.
 *
 * <p>The shapes handled, as Helm prints them:
 * <ul>
 *   <li>schema (santhosh-tekuri/jsonschema v6): {@code values don't meet the specifications of the
 *       schema(s) in the following chart(s):\n<chart>:\n- at '/spark/version': value must be one of
 *       '3.5', '4.1'}, nested two spaces per level under {@code validation failed},
 *       {@code 'oneOf' failed, none matched}, {@code 'anyOf' failed};
 *   <li>{@code additional properties 'conect' not allowed} and {@code missing property 'x'};
 *   <li>template {@code fail}: {@code execution error at (<chart>/templates/x.yaml:3:4): <message>};
 *   <li>values files: {@code open <file>: no such file or directory},
 *       {@code failed to parse <file>: error converting YAML to JSON: yaml: line 1: ...},
 *       {@code failed to parse <file>: error unmarshaling JSON: ...};
 *   <li>{@code failed parsing --set data: ...}.
 * </ul>
 */
final class HelmErrors {

  private static final String DEBUG_HINT = "Use --debug flag to render out invalid YAML";
  private static final String SCHEMA_HEADER = "values don't meet the specifications of the schema(s)";
  private static final Pattern SCHEMA_LINE = Pattern.compile("^( *)- at '([^']*)': (.*)$");
  private static final Pattern EXECUTION_ERROR =
      Pattern.compile("(?s)^execution error at \\(([^)]*)\\): (.*)$");
  private static final Pattern OPEN_ERROR = Pattern.compile("(?s)^open (.+): (.+)$");
  private static final Pattern PARSE_ERROR = Pattern.compile("(?s)^failed to parse (.+?): (.+)$");
  private static final Pattern INVALID_PROPERTY_NAME = Pattern.compile("^invalid propertyName '(.*)'$");
  private static final Pattern QUOTED = Pattern.compile("'((?:[^'\\\\]|\\\\.)*)'");

  private final ValuesSchema schema;
  private final Map<String, String> fileNames;

  /**
   * @param schema    the chart's schema, to suggest keys
   * @param fileNames the paths Helm saw (absolute) mapped to the names to show (as the user gave them)
   */
  HelmErrors(ValuesSchema schema, Map<String, String> fileNames) {
    this.schema = schema;
    this.fileNames = fileNames;
  }

  RuntimeException translate(String helmMessage) {
    String message = strip(helmMessage);
    if (message.startsWith(SCHEMA_HEADER)) {
      List<String> problems = schemaProblems(message);
      if (!problems.isEmpty()) {
        return new ValuesException(problems);
      }
    }
    Matcher m = EXECUTION_ERROR.matcher(message);
    if (m.matches()) {
      List<String> lines = Arrays.stream(m.group(2).split("\n"))
          .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toList());
      return new ValuesException(lines.isEmpty() ? List.of(m.group(1) + ": failed") : lines);
    }
    m = OPEN_ERROR.matcher(message);
    if (m.matches() && fileNames.containsKey(m.group(1))) {
      String reason = m.group(2).contains("no such file") ? "file not found" : m.group(2);
      return new ValuesException(fileNames.get(m.group(1)) + ": " + reason);
    }
    m = PARSE_ERROR.matcher(message);
    if (m.matches() && fileNames.containsKey(m.group(1))) {
      return new ValuesException(fileNames.get(m.group(1)) + ": " + parseReason(m.group(2)));
    }
    if (message.startsWith("failed parsing --set data: ")) {
      return new ValuesException("--set: " + message.substring("failed parsing --set data: ".length()));
    }
    if (message.startsWith("chart requires kubeVersion")) {
      return new ValuesException("kube version: " + message);
    }
    if (message.contains("release name")) {
      return new ValuesException(message);
    }
    return new ChartException(message);
  }

  private static String strip(String message) {
    String s = message == null ? "" : message.strip();
    if (s.startsWith("Error: ")) {
      s = s.substring("Error: ".length());
    }
    if (s.endsWith(DEBUG_HINT)) {
      s = s.substring(0, s.length() - DEBUG_HINT.length()).strip();
    }
    return s;
  }

  private static String parseReason(String reason) {
    Matcher yaml = Pattern.compile("(?s)error converting YAML to JSON: yaml: (.*)").matcher(reason);
    if (yaml.find()) {
      return "not valid YAML: " + yaml.group(1).strip();
    }
    if (reason.contains("cannot unmarshal")) {
      return "not a YAML map of values (top level must be key: value)";
    }
    return reason;
  }

  // ---------------------------------------------------------------- schema errors

  /** One node of Helm's indented schema error tree. */
  private record Node(int depth, String pointer, String message, List<Node> children) {
  }

  private List<String> schemaProblems(String message) {
    List<Node> roots = new ArrayList<>();
    List<Node> stack = new ArrayList<>();
    for (String line : message.split("\n")) {
      Matcher m = SCHEMA_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      // Helm quotes patterns Go-style ('^spark\\.x'); show the pattern itself ('^spark\.x').
      String text = m.group(3).strip().replace("\\\\", "\\");
      Node node = new Node(m.group(1).length() / 2, m.group(2), text, new ArrayList<>());
      while (!stack.isEmpty() && stack.get(stack.size() - 1).depth() >= node.depth()) {
        stack.remove(stack.size() - 1);
      }
      if (stack.isEmpty()) {
        roots.add(node);
      } else {
        stack.get(stack.size() - 1).children().add(node);
      }
      stack.add(node);
    }
    List<String> problems = new ArrayList<>();
    for (Node root : roots) {
      translate(root, problems);
    }
    return problems.stream().distinct().sorted().collect(Collectors.toList());
  }

  private void translate(Node node, List<String> out) {
    Matcher propertyName = INVALID_PROPERTY_NAME.matcher(node.message());
    if (propertyName.matches()) {
      out.add(invalidPropertyName(node, propertyName.group(1)));
      return;
    }
    if (node.children().isEmpty()) {
      out.addAll(leaf(node));
      return;
    }
    if (node.message().startsWith("'oneOf' failed") || node.message().startsWith("'anyOf' failed")) {
      List<String> alternatives = new ArrayList<>();
      collectAlternatives(node, node.pointer(), alternatives);
      out.add(dotted(node.pointer()) + ": matches none of the allowed forms ("
          + String.join("; or ", alternatives) + ")");
      return;
    }
    for (Node child : node.children()) {
      translate(child, out);
    }
  }

  /**
   * {@code - at '': invalid propertyName 'x'} with the reasons below it. jsonschema v6 gives the
   * location {@code ''} whatever object holds the key, so the owner is looked up in the schema.
   */
  private String invalidPropertyName(Node node, String name) {
    List<String> owner = segments(node.pointer());
    if (owner.isEmpty()) {
      List<List<String>> owners = schema.propertyNameOwners(name);
      if (owners.size() == 1) {
        owner = owners.get(0);
      }
    }
    String key = owner.isEmpty() ? name : join(owner, name);
    String quotedName = "'" + name + "' ";
    List<String> reasons = new ArrayList<>();
    collectReasons(node, quotedName, reasons);
    return key + ": invalid key name" + (reasons.isEmpty() ? "" : " (" + String.join("; ", reasons) + ")");
  }

  private static void collectReasons(Node node, String quotedName, List<String> out) {
    for (Node child : node.children()) {
      if (child.children().isEmpty()) {
        String reason = child.message();
        out.add(reason.startsWith(quotedName) ? reason.substring(quotedName.length()) : reason);
      } else {
        collectReasons(child, quotedName, out);
      }
    }
  }

  private void collectAlternatives(Node node, String pointer, List<String> out) {
    for (Node child : node.children()) {
      if (!child.children().isEmpty()) {
        collectAlternatives(child, pointer, out);
        continue;
      }
      for (String line : leaf(child)) {
        String prefix = dotted(pointer) + ": ";
        out.add(line.startsWith(prefix) ? line.substring(prefix.length()) : line);
      }
    }
  }

  private List<String> leaf(Node node) {
    List<String> path = segments(node.pointer());
    String message = node.message();
    List<String> lines = new ArrayList<>();
    if (message.startsWith("additional properties ") && message.endsWith(" not allowed")) {
      for (String key : quoted(message)) {
        String line = join(path, key) + ": unknown key";
        var suggestion = KeySuggester.closest(key, schema.keysAt(path));
        if (suggestion.isPresent()) {
          line += " (did you mean " + join(path, suggestion.get()) + "?)";
        }
        lines.add(line);
      }
    } else if (message.startsWith("missing propert")) {
      for (String key : quoted(message)) {
        lines.add(join(path, key) + ": required, but not set");
      }
    }
    if (lines.isEmpty()) {
      lines.add(dotted(node.pointer()) + ": " + message);
    }
    return lines;
  }

  private static List<String> quoted(String message) {
    List<String> names = new ArrayList<>();
    Matcher m = QUOTED.matcher(message);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** JSON pointer segments, unescaped ({@code ~1} is {@code /}, {@code ~0} is {@code ~}). */
  static List<String> segments(String pointer) {
    List<String> segments = new ArrayList<>();
    if (pointer.isEmpty()) {
      return segments;
    }
    for (String raw : pointer.substring(pointer.startsWith("/") ? 1 : 0).split("/", -1)) {
      segments.add(raw.replace("~1", "/").replace("~0", "~"));
    }
    return segments;
  }

  /** {@code /spark/version} is {@code spark.version}, {@code /list/0/n} is {@code list[0].n}; the root is {@code values}. */
  static String dotted(String pointer) {
    List<String> segments = segments(pointer);
    return segments.isEmpty() ? "values" : join(segments.subList(0, segments.size() - 1),
        segments.get(segments.size() - 1));
  }

  private static String join(List<String> parent, String key) {
    StringBuilder sb = new StringBuilder();
    List<String> all = new ArrayList<>(parent);
    all.add(key);
    for (String segment : all) {
      if (!segment.isEmpty() && segment.chars().allMatch(Character::isDigit)) {
        sb.append('[').append(segment).append(']');
      } else {
        if (sb.length() > 0) {
          sb.append('.');
        }
        sb.append(segment);
      }
    }
    return sb.toString();
  }
}
