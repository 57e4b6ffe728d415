package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** Baseline forbids sharing the host's network, PID or IPC namespace. */
public final class HostNamespaces extends PodRule {

  public static final String ID = "pss-baseline/host-namespaces";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    flag(site, "hostNetwork", site.spec().getHostNetwork(), out);
    flag(site, "hostPID", site.spec().getHostPID(), out);
    flag(site, "hostIPC", site.spec().getHostIPC(), out);
  }

  private static void flag(PodSite site, String field, Boolean value, List<Finding> out) {
    if (Boolean.TRUE.equals(value)) {
      out.add(site.onPod(ID, field, field + " is true",
          "remove " + field + " (or set it to false); Spark pods need no host namespace"));
    }
  }
}
