package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.ContainerPort;
import java.util.List;

/** Baseline forbids host ports (a hostPort must be unset or 0). */
public final class HostPorts extends PodRule {

  public static final String ID = "pss-baseline/host-ports";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    for (ContainerSite c : site.containers()) {
      List<ContainerPort> ports = c.container().getPorts() == null ? List.of() : c.container().getPorts();
      for (ContainerPort p : ports) {
        if (p.getHostPort() != null && p.getHostPort() != 0) {
          String id = p.getName() != null ? p.getName() : String.valueOf(p.getContainerPort());
          out.add(site.onContainer(ID, c, "ports[" + id + "].hostPort", "hostPort is " + p.getHostPort(),
              "remove hostPort; reach the pod through a Service"));
        }
      }
    }
  }
}
