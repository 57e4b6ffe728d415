package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A container with its own {@code command} bypasses the image's entrypoint, and with it the passwd entry
 * the entrypoint makes for a UID that has none (Hadoop's login fails without one) and the {@code tini} that
 * reaps orphaned children: such a container starts through the chart's launch wrapper, which does both.
 * Containers without a command (executors, operator drivers) use the entrypoint.
 */
public final class StartedThroughLaunchWrapper extends PodRule {

  public static final String ID = "spark/launch-wrapper";
  private static final String FIX = "start it with command: {{ include \"spark-k8s.launchCommand\" \"<the command>\" }}"
      + " (templates/_pod-security.tpl), args unchanged";
  /** What the script must do: a passwd entry through nss_wrapper, the command under tini as a subreaper. */
  private static final List<String> DOES = List.of("libnss_wrapper.so", "tini -s");

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      List<String> command = c.container().getCommand();
      if (command == null || command.isEmpty()) {
        continue;
      }
      Optional<LaunchCommand> launch = LaunchCommand.of(command);
      if (launch.isEmpty()) {
        out.add(site.onContainer(ID, c, "command", "runs " + command.get(0) + " without the image's entrypoint or "
            + "the launch wrapper: a UID without a passwd entry cannot log in to Hadoop, and nothing reaps orphaned "
            + "children", FIX));
        continue;
      }
      String script = launch.get().script();
      List<String> missing = DOES.stream().filter(word -> !script.contains(word)).toList();
      if (!missing.isEmpty()) {
        out.add(site.onContainer(ID, c, "command", "the launch script does not use " + String.join(" or ", missing),
            FIX));
      }
      if (Stream.of("$(", "$$").anyMatch(script::contains)) {
        out.add(site.onContainer(ID, c, "command", "the launch script has $( or $$, which the kubelet rewrites in "
            + "a command before bash sees it", "use backticks for command substitution"));
      }
    }
  }
}
