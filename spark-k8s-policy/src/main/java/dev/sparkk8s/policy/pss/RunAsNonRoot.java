package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/**
 * Restricted requires {@code runAsNonRoot: true} on the pod, or on every container; neither may set it to
 * false. A pod-level false is reported once, on the pod, not again for each container relying on it.
 */
public final class RunAsNonRoot extends PodRule {

  public static final String ID = "pss-restricted/run-as-non-root";
  private static final String FIELD = "securityContext.runAsNonRoot";
  private static final String FIX = "set securityContext.runAsNonRoot: true on the pod" + PssRestricted.FIX_HINT;

  @Override
  protected void check(PodSite site, List<Finding> out) {
    Boolean pod = site.podSecurity().map(s -> s.getRunAsNonRoot()).orElse(null);
    if (Boolean.FALSE.equals(pod)) {
      out.add(site.onPod(ID, FIELD, "runAsNonRoot is false", FIX));
    }
    for (ContainerSite c : site.containers()) {
      Boolean own = c.security().map(s -> s.getRunAsNonRoot()).orElse(null);
      if (Boolean.FALSE.equals(own)) {
        out.add(site.onContainer(ID, c, FIELD, "runAsNonRoot is false", "remove runAsNonRoot: false; " + FIX));
      } else if (own == null && pod == null) {
        out.add(site.onContainer(ID, c, FIELD, "runAsNonRoot is unset here and on the pod", FIX));
      }
    }
  }
}
