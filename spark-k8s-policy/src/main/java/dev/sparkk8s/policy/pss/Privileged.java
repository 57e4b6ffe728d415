package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Baseline forbids privileged containers. */
public final class Privileged extends PodRule {

  public static final String ID = "pss-baseline/privileged";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      if (c.security().map(s -> Boolean.TRUE.equals(s.getPrivileged())).orElse(false)) {
        out.add(site.onContainer(ID, c, "securityContext.privileged", "privileged is true",
            "remove securityContext.privileged (or set it to false)"));
      }
    }
  }
}
