package dev.sparkk8s.policy.openshift;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.pss.Capabilities;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** restricted-v2 allows a container to add no capability but NET_BIND_SERVICE. */
public final class OpenShiftCapabilities extends PodRule {

  public static final String ID = "openshift/capabilities";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    if (!OpenShiftRestrictedV2.applies(site)) {
      return;
    }
    for (ContainerSite c : site.containers()) {
      List<String> extra = Capabilities.added(c).stream().filter(cap -> !cap.equals("NET_BIND_SERVICE")).toList();
      if (!extra.isEmpty()) {
        out.add(site.onContainer(ID, c, "securityContext.capabilities.add",
            "adds capabilities " + extra + "; restricted-v2 allows only NET_BIND_SERVICE",
            "remove " + extra + " from capabilities.add"));
      }
    }
  }
}
