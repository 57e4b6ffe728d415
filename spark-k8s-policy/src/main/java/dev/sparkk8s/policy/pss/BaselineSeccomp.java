package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Baseline forbids an Unconfined seccomp profile, on the pod or any container. */
public final class BaselineSeccomp extends PodRule {

  public static final String ID = "pss-baseline/seccomp";
  static final String UNCONFINED = "Unconfined";
  private static final String FIELD = "securityContext.seccompProfile.type";
  private static final String FIX = "set seccompProfile.type to RuntimeDefault";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    if (UNCONFINED.equals(Seccomp.podType(site))) {
      out.add(site.onPod(ID, FIELD, "seccomp profile is Unconfined", FIX));
    }
    for (ContainerSite c : site.containers()) {
      if (UNCONFINED.equals(Seccomp.containerType(c))) {
        out.add(site.onContainer(ID, c, FIELD, "seccomp profile is Unconfined", FIX));
      }
    }
  }
}
