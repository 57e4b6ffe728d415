package dev.sparkk8s.local;

import dev.sparkk8s.render.contract.Component;
import java.util.List;

/**
 * The History Server only reads event logs, and nothing waits on it while the platform starts: on
 * one machine it runs at a lower CPU priority ({@code nice}), so the master, workers, Connect server
 * and executors that a first query needs get the cores first. Without {@code nice} it runs as is.
 */
final class ProcessPriority {

  private static final int BACKGROUND = 10;

  private ProcessPriority() {
  }

  /** The words to put before the java command of a process of this component. */
  static List<String> prefix(Component component) {
    if (component != Component.HISTORY) {
      return List.of();
    }
    return Executables.onPath("nice").map(nice -> List.of(nice.toString(), "-n", String.valueOf(BACKGROUND))).orElse(List.of());
  }
}
