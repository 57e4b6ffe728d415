package dev.sparkk8s.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * One leaf key of a values file with its default as written and its description: the {@code # --}
 * comment above the key and the comment lines that follow it (helm-docs' convention). A comment
 * line indented further than {@code # } starts a new line of the description (a list item).
 */
record DocumentedValue(String key, String defaultValue, Optional<String> description) {

  private static final String DESCRIPTION_START = "-- ";

  /** Every leaf of {@code yaml} (the leaves of {@link ValuesLeaf}), in file order. */
  static List<DocumentedValue> of(String yaml) {
    Node root = new Compose(LoadSettings.builder().setParseComments(true).build())
        .composeString(yaml).orElseThrow(() -> new IllegalArgumentException("empty values file"));
    List<DocumentedValue> out = new ArrayList<>();
    walk(root, "", List.of(), out);
    return out;
  }

  private static void walk(Node node, String key, List<CommentLine> comments, List<DocumentedValue> out) {
    if (node instanceof MappingNode mapping && !mapping.getValue().isEmpty()) {
      for (NodeTuple tuple : mapping.getValue()) {
        String name = ((ScalarNode) tuple.getKeyNode()).getValue();
        walk(tuple.getValueNode(), key.isEmpty() ? name : key + "." + name,
            tuple.getKeyNode().getBlockComments(), out);
      }
      return;
    }
    out.add(new DocumentedValue(key, written(node), description(comments)));
  }

  private static String written(Node node) {
    if (node instanceof ScalarNode scalar) {
      return switch (scalar.getScalarStyle()) {
        case DOUBLE_QUOTED -> '"' + scalar.getValue() + '"';
        case SINGLE_QUOTED -> "'" + scalar.getValue() + "'";
        default -> scalar.getValue();
      };
    }
    if (node instanceof SequenceNode sequence && sequence.getValue().isEmpty()) {
      return "[]";
    }
    if (node instanceof MappingNode mapping && mapping.getValue().isEmpty()) {
      return "{}";
    }
    throw new IllegalArgumentException("a values leaf that is a non-empty list, at line "
        + node.getStartMark().map(m -> m.getLine() + 1).orElse(0) + ": write its default in the description");
  }

  private static Optional<String> description(List<CommentLine> comments) {
    List<String> lines = comments == null ? List.of()
        : comments.stream().filter(c -> c.getCommentType() == CommentType.BLOCK)
            .map(c -> c.getValue().startsWith(" ") ? c.getValue().substring(1) : c.getValue()).toList();
    int start = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).startsWith(DESCRIPTION_START)) {
        start = i;
      }
    }
    if (start < 0) {
      return Optional.empty();
    }
    StringBuilder text = new StringBuilder(lines.get(start).substring(DESCRIPTION_START.length()).strip());
    for (String line : lines.subList(start + 1, lines.size())) {
      text.append(line.startsWith(" ") ? "\n" : " ").append(line.strip());
    }
    return Optional.of(text.toString());
  }
}
