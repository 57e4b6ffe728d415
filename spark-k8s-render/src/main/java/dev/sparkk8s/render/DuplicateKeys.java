package dev.sparkk8s.render;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * Finds keys that appear twice in the same map of a values file. Helm accepts them and silently
 * keeps the last one, so a preset or values file with a repeated key does not do what it says.
 */
final class DuplicateKeys {

  private DuplicateKeys() {
  }

  /**
   * One line per repeated key, {@code <key in dotted form>: appears twice (lines 3 and 7); Helm would
   * silently keep the last}; empty when there is none or the text is not YAML (Helm reports that).
   */
  static List<String> find(String yaml) {
    List<String> problems = new ArrayList<>();
    try {
      Compose compose = new Compose(LoadSettings.builder().setAllowDuplicateKeys(true).build());
      for (Node document : compose.composeAllFromString(yaml)) {
        walk(document, "", problems);
      }
    } catch (YamlEngineException e) {
      return List.of();
    }
    return problems;
  }

  private static void walk(Node node, String path, List<String> problems) {
    if (node instanceof MappingNode mapping) {
      Map<String, Integer> seen = new HashMap<>();
      for (NodeTuple tuple : mapping.getValue()) {
        String key = tuple.getKeyNode() instanceof ScalarNode scalar ? scalar.getValue() : null;
        if (key == null) {
          continue;
        }
        String child = path.isEmpty() ? key : path + "." + key;
        int line = tuple.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(0);
        Integer first = seen.putIfAbsent(key, line);
        if (first != null) {
          problems.add(child + ": appears twice (lines " + first + " and " + line
              + "); Helm would silently keep the last");
        }
        walk(tuple.getValueNode(), child, problems);
      }
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        walk(items.get(i), path + "[" + i + "]", problems);
      }
    }
  }
}
