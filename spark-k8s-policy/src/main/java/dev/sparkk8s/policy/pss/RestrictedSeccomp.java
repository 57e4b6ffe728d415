package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;
import java.util.Set;

/**
 * Restricted requires a RuntimeDefault or Localhost seccomp profile on the pod, or on every container.
 * An explicit Unconfined is left to {@link BaselineSeccomp}.
 */
public final class RestrictedSeccomp extends PodRule {

  public static final String ID = "pss-restricted/seccomp";
  private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");

  @Override
  protected void check(PodSite site, List<Finding> out) {
    String pod = Seccomp.podType(site);
    if (pod != null && (ALLOWED.contains(pod) || pod.equals(BaselineSeccomp.UNCONFINED))) {
      return;
    }
    for (ContainerSite c : site.containers()) {
      String own = Seccomp.containerType(c);
      if (own == null || !(ALLOWED.contains(own) || own.equals(BaselineSeccomp.UNCONFINED))) {
        out.add(site.onContainer(ID, c, "securityContext.seccompProfile.type",
            "seccomp profile is " + (own == null ? "unset" : own) + " here and "
                + (pod == null ? "unset" : pod) + " on the pod",
            "set securityContext.seccompProfile.type: RuntimeDefault on the pod" + PssRestricted.FIX_HINT));
      }
    }
  }
}
