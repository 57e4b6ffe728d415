package dev.sparkk8s.policy.spark;

import java.util.List;
import java.util.Optional;

/**
 * A container command through the chart's launch wrapper ({@code spark-k8s.launchCommand} in
 * templates/_pod-security.tpl): {@code [/bin/bash, -c, <script>, spark-k8s-launch, <command>...]}, the
 * container's args after it. Bash runs the script with {@code $0} the wrapper's name and {@code "$@"}
 * the command and args, which the script execs.
 *
 * @param script  the launch script
 * @param command what it runs, before the container's args
 */
record LaunchCommand(String script, List<String> command) {

  static final String NAME = "spark-k8s-launch";

  static Optional<LaunchCommand> of(List<String> command) {
    if (command == null || command.size() < 5 || !command.get(0).equals("/bin/bash") || !command.get(1).equals("-c")
        || !command.get(3).equals(NAME)) {
      return Optional.empty();
    }
    return Optional.of(new LaunchCommand(command.get(2), List.copyOf(command.subList(4, command.size()))));
  }

  /** What a container command runs: the command after the launch wrapper, or the command itself. */
  static List<String> unwrapped(List<String> command) {
    return of(command).map(LaunchCommand::command).orElse(command);
  }
}
