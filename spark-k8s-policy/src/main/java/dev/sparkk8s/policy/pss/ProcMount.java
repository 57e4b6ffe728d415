package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Baseline requires the default masked /proc. */
public final class ProcMount extends PodRule {

  public static final String ID = "pss-baseline/proc-mount";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      String procMount = c.security().map(s -> s.getProcMount()).orElse(null);
      if (procMount != null && !procMount.equals("Default")) {
        out.add(site.onContainer(ID, c, "securityContext.procMount", "procMount is " + procMount,
            "remove securityContext.procMount (or set it to Default)"));
      }
    }
  }
}
