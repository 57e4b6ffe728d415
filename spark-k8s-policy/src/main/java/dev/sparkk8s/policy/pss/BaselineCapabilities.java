package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Baseline allows adding only the capabilities in {@link PssBaseline#ALLOWED_CAPABILITIES}. */
public final class BaselineCapabilities extends PodRule {

  public static final String ID = "pss-baseline/capabilities";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      List<String> forbidden = Capabilities.added(c).stream()
          .filter(cap -> !PssBaseline.ALLOWED_CAPABILITIES.contains(cap)).toList();
      if (!forbidden.isEmpty()) {
        out.add(site.onContainer(ID, c, "securityContext.capabilities.add",
            "adds capabilities " + forbidden + " beyond the baseline set",
            "remove " + forbidden + " from capabilities.add"));
      }
    }
  }
}
