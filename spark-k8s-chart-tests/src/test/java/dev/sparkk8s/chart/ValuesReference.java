package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * docs/values.md, generated: every leaf key of values.yaml with its type (values.schema.json), its
 * default as written in values.yaml and its description (the key's {@code # --} comment).
 */
final class ValuesReference {

  static final Path FILE = ChartFixture.CHART_DIR.resolve("../../docs/values.md").normalize();
  static final String REGENERATE = "mvn -B -q -pl spark-k8s-chart-tests -am test -Dtest=ValuesReferenceTest"
      + " -Dsurefire.failIfNoSpecifiedTests=false -Dvalues-reference.write=true";

  private static final Pattern ROW_KEY = Pattern.compile("(?m)^\\| `([^`]+)` \\|.*$");
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*`");

  private final List<DocumentedValue> values;
  private final JsonNode schema;

  private ValuesReference(List<DocumentedValue> values, JsonNode schema) {
    this.values = values;
    this.schema = schema;
  }

  static ValuesReference ofChart() throws IOException {
    return new ValuesReference(
        DocumentedValue.of(Files.readString(ChartFixture.CHART_DIR.resolve("values.yaml"))),
        new ObjectMapper().readTree(ChartFixture.CHART_DIR.resolve("values.schema.json").toFile()));
  }

  List<String> keys() {
    return values.stream().map(DocumentedValue::key).toList();
  }

  /** Keys the reference cannot describe: no {@code # --} comment, or no type in the schema. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    for (DocumentedValue value : values) {
      if (value.description().isEmpty()) {
        problems.add(value.key() + ": no description; write a `# -- ...` comment right above it in values.yaml");
      }
      if (SchemaType.of(schema, value.key()).isEmpty()) {
        problems.add(value.key() + ": no type in values.schema.json");
      }
    }
    return problems;
  }

  String markdown() {
    StringBuilder md = new StringBuilder("""
        # Values reference

        Every key of `charts/spark-k8s/values.yaml`: its type (from `values.schema.json`, which
        refuses unknown keys), its default as written in `values.yaml` (presets in
        `charts/spark-k8s/presets/` change some) and what it does. Every key is read by a template:
        `NoInertValuesKeyTest` renders each with another value and fails if the output does not change.

        This file is generated from the `# --` comments of `values.yaml` and from
        `values.schema.json`, and `ValuesReferenceTest` fails when it differs from what they give.
        Edit those two files, then regenerate it:

        ```bash
        %s
        ```

        | Key | Type | Default | Description |
        |---|---|---|---|
        """.formatted(REGENERATE));
    for (DocumentedValue value : values) {
      md.append("| `").append(value.key()).append("` | ")
          .append(cell(SchemaType.of(schema, value.key()).orElse(""))).append(" | `")
          .append(value.defaultValue().replace("|", "\\|")).append("` | ")
          .append(cell(value.description().orElse(""))).append(" |\n");
    }
    return md.toString();
  }

  /**
   * What differs between a committed reference and the generated one, one line per key (missing,
   * stale or changed), or one line for the text around the table; empty when they are equal.
   */
  static List<String> differences(String committed, String generated) {
    if (committed.equals(generated)) {
      return List.of();
    }
    Map<String, String> was = rows(committed);
    Map<String, String> is = rows(generated);
    List<String> differences = new ArrayList<>();
    is.forEach((key, row) -> {
      if (!was.containsKey(key)) {
        differences.add(key + ": in values.yaml, missing from docs/values.md");
      } else if (!was.get(key).equals(row)) {
        differences.add(key + ": differs\n  committed: " + was.get(key) + "\n  generated: " + row);
      }
    });
    was.keySet().stream().filter(key -> !is.containsKey(key))
        .forEach(key -> differences.add(key + ": in docs/values.md, no longer in values.yaml"));
    if (differences.isEmpty()) {
      differences.add(was.keySet().stream().toList().equals(is.keySet().stream().toList())
          ? "the text around the table differs" : "the keys are in another order than in values.yaml");
    }
    return differences;
  }

  private static Map<String, String> rows(String markdown) {
    Map<String, String> rows = new LinkedHashMap<>();
    Matcher m = ROW_KEY.matcher(markdown);
    while (m.find()) {
      rows.put(m.group(1), m.group());
    }
    return rows;
  }

  /** Text for a table cell: pipes escaped, line breaks as {@code <br>}, angle brackets outside code spans as entities. */
  private static String cell(String text) {
    StringBuilder out = new StringBuilder();
    Matcher code = CODE_SPAN.matcher(text);
    int at = 0;
    while (code.find()) {
      out.append(prose(text.substring(at, code.start()))).append(code.group());
      at = code.end();
    }
    out.append(prose(text.substring(at)));
    return out.toString().replace("|", "\\|").replace("\n", "<br>");
  }

  private static String prose(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
