package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/**
 * Restricted requires every container to drop ALL capabilities and add none but NET_BIND_SERVICE.
 * Capabilities that baseline already forbids are left to {@link BaselineCapabilities}.
 */
public final class RestrictedCapabilities extends PodRule {

  public static final String ID = "pss-restricted/capabilities";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      List<String> dropped = Capabilities.dropped(c);
      if (!dropped.contains("ALL")) {
        out.add(site.onContainer(ID, c, "securityContext.capabilities.drop",
            "capabilities.drop is " + (dropped.isEmpty() ? "unset" : dropped) + ", not [ALL]",
            "set securityContext.capabilities.drop: [ALL]" + PssRestricted.FIX_HINT));
      }
      List<String> extra = Capabilities.added(c).stream()
          .filter(cap -> !cap.equals("NET_BIND_SERVICE") && PssBaseline.ALLOWED_CAPABILITIES.contains(cap))
          .toList();
      if (!extra.isEmpty()) {
        out.add(site.onContainer(ID, c, "securityContext.capabilities.add",
            "adds capabilities " + extra + "; restricted allows only NET_BIND_SERVICE",
            "remove " + extra + " from capabilities.add"));
      }
    }
  }
}
