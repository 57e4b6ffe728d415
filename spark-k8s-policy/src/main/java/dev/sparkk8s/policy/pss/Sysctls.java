package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.Sysctl;
import java.util.List;
import java.util.Set;

/** Baseline allows only the safe, namespaced sysctls. */
public final class Sysctls extends PodRule {

  public static final String ID = "pss-baseline/sysctls";
  private static final Set<String> SAFE = Set.of(
      "kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.ip_unprivileged_port_start",
      "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range", "net.ipv4.ip_local_reserved_ports",
      "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl",
      "net.ipv4.tcp_keepalive_probes");

  @Override
  protected void check(PodSite site, List<Finding> out) {
    List<Sysctl> sysctls = site.podSecurity().map(s -> s.getSysctls()).orElse(List.of());
    for (Sysctl sysctl : sysctls) {
      if (!SAFE.contains(sysctl.getName())) {
        out.add(site.onPod(ID, "securityContext.sysctls[" + sysctl.getName() + "]",
            "sysctl " + sysctl.getName() + "=" + sysctl.getValue() + " is not in the safe set",
            "remove the sysctl " + sysctl.getName() + " from the pod's securityContext"));
      }
    }
  }
}
