package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Restricted forbids {@code runAsUser: 0}, on the pod or any container. */
public final class RunAsUser extends PodRule {

  public static final String ID = "pss-restricted/run-as-user";
  private static final String FIELD = "securityContext.runAsUser";
  private static final String FIX = "run as a non-zero UID (the Spark image's spark user is 185), or remove runAsUser";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    if (isRoot(site.podSecurity().map(s -> s.getRunAsUser()).orElse(null))) {
      out.add(site.onPod(ID, FIELD, "runAsUser is 0 (root)", FIX));
    }
    for (ContainerSite c : site.containers()) {
      if (isRoot(c.security().map(s -> s.getRunAsUser()).orElse(null))) {
        out.add(site.onContainer(ID, c, FIELD, "runAsUser is 0 (root)", FIX));
      }
    }
  }

  private static boolean isRoot(Long uid) {
    return uid != null && uid == 0L;
  }
}
