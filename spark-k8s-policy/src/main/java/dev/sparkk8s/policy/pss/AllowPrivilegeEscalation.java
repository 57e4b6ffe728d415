package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Restricted requires {@code allowPrivilegeEscalation: false} on every container. */
public final class AllowPrivilegeEscalation extends PodRule {

  public static final String ID = "pss-restricted/allow-privilege-escalation";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      Boolean value = c.security().map(s -> s.getAllowPrivilegeEscalation()).orElse(null);
      if (!Boolean.FALSE.equals(value)) {
        out.add(site.onContainer(ID, c, "securityContext.allowPrivilegeEscalation",
            "allowPrivilegeEscalation is " + (value == null ? "unset" : value),
            "set securityContext.allowPrivilegeEscalation: false" + PssRestricted.FIX_HINT));
      }
    }
  }
}
