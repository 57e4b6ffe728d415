package dev.sparkk8s.local;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The chart's launch wrapper in a rendered container command ({@code spark-k8s.launchCommand} in
 * templates/_pod-security.tpl): {@code [/bin/bash, -c, <script>, spark-k8s-launch, <command>...]}. Locally the
 * wrapper runs as rendered, the real shell and script, in front of the java command line computed for the
 * command, so every process gets what the script does in a pod (tini, a passwd entry for a UID without one).
 *
 * @param wrapper the words before the command: the shell, {@code -c}, the script, the wrapper's name; none
 *                for a container that leaves its args to the image's entrypoint
 * @param command what the wrapper runs, before the container's args: {@code spark-class} or {@code spark-submit}
 */
record LaunchWrapper(List<String> wrapper, List<String> command) {

  static final String NAME = "spark-k8s-launch";

  /**
   * The wrapper of a container's command, each word expanded as the kubelet expands it; none (the
   * image's entrypoint runs the args) for a container without a command.
   */
  static LaunchWrapper of(ChartContainer c, UnaryOperator<String> kubeletExpansion) {
    List<String> rendered = c.container().getCommand() == null ? List.of() : c.container().getCommand();
    if (rendered.isEmpty()) {
      return new LaunchWrapper(List.of(), List.of());
    }
    List<String> words = rendered.stream().map(kubeletExpansion).toList();
    if (words.size() < 5 || !words.get(1).equals("-c") || !words.get(3).equals(NAME)) {
      throw new LocalRuntimeException(c.instance() + ": the local runtime runs containers started through the "
          + "chart's launch wrapper (spark-k8s.launchCommand), not the command " + rendered);
    }
    return new LaunchWrapper(List.copyOf(words.subList(0, 4)), List.copyOf(words.subList(4, words.size())));
  }

  /** A local command line run through the wrapper. */
  List<String> around(List<String> commandLine) {
    List<String> out = new ArrayList<>(wrapper);
    out.addAll(commandLine);
    return out;
  }
}
