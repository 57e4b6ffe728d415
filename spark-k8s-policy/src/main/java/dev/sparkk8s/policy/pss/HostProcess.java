package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptions;
import java.util.List;

/** Windows HostProcess containers get host access; baseline forbids {@code windowsOptions.hostProcess: true}. */
public final class HostProcess extends PodRule {

  public static final String ID = "pss-baseline/host-process";
  private static final String FIELD = "securityContext.windowsOptions.hostProcess";
  private static final String FIX = "remove windowsOptions.hostProcess (or set it to false)";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    if (site.podSecurity().map(s -> hostProcess(s.getWindowsOptions())).orElse(false)) {
      out.add(site.onPod(ID, FIELD, "hostProcess is true", FIX));
    }
    for (ContainerSite c : site.containers()) {
      if (c.security().map(s -> hostProcess(s.getWindowsOptions())).orElse(false)) {
        out.add(site.onContainer(ID, c, FIELD, "hostProcess is true", FIX));
      }
    }
  }

  private static boolean hostProcess(WindowsSecurityContextOptions options) {
    return options != null && Boolean.TRUE.equals(options.getHostProcess());
  }
}
