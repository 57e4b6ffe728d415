package dev.sparkk8s.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One leaf key of a values file: a scalar, a list, or an empty map ({@code {}}). Non-empty maps are
 * sections and are walked into.
 */
record ValuesLeaf(List<String> path, JsonNode value) {

  ValuesLeaf {
    path = List.copyOf(path);
  }

  String dotted() {
    return String.join(".", path);
  }

  /** Every leaf under {@code root}, in file order. */
  /** Every leaf of the chart's own values.yaml. */
  static List<ValuesLeaf> ofChartValues() throws java.io.IOException {
    return of(Json.yaml(java.nio.file.Files.readString(ChartFixture.CHART_DIR.resolve("values.yaml"))));
  }

  static List<ValuesLeaf> of(JsonNode root) {
    List<ValuesLeaf> leaves = new ArrayList<>();
    collect(root, new ArrayList<>(), leaves);
    return leaves;
  }

  private static void collect(JsonNode node, List<String> path, List<ValuesLeaf> out) {
    if (!node.isObject() || node.isEmpty()) {
      out.add(new ValuesLeaf(path, node));
      return;
    }
    node.fieldNames().forEachRemaining(name -> {
      List<String> child = new ArrayList<>(path);
      child.add(name);
      collect(node.get(name), child, out);
    });
  }

  @Override
  public String toString() {
    return dotted() + "=" + value;
  }
}
