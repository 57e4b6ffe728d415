package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which pods a Service selects and which of their ports it targets. */
final class ServiceSelection {

  private ServiceSelection() {
  }

  /** True when the Service's selector is non-empty and every entry is among the pod's labels. */
  static boolean selects(Service service, PodSite site) {
    Map<String, String> selector = service.getSpec() == null ? null : service.getSpec().getSelector();
    return selector != null && !selector.isEmpty() && site.labels().entrySet().containsAll(selector.entrySet());
  }

  /** The container port numbers the Service targets in the pod; a named targetPort resolves by port name. */
  static Set<Integer> targetPorts(Service service, PodSite site) {
    Set<Integer> out = new HashSet<>();
    List<ServicePort> ports = service.getSpec().getPorts() == null ? List.of() : service.getSpec().getPorts();
    for (ServicePort port : ports) {
      out.addAll(targetPorts(port, site));
    }
    return out;
  }

  /**
   * The container port numbers one Service port targets in the pod: its number (or the Service port's, when it
   * names none), or the container ports of that name. A number is not checked against the pod's ports.
   */
  static Set<Integer> targetPorts(ServicePort port, PodSite site) {
    Set<Integer> out = new HashSet<>();
    IntOrString target = port.getTargetPort();
    if (target == null || (target.getIntVal() == null && target.getStrVal() == null)) {
      out.add(port.getPort());
    } else if (target.getIntVal() != null) {
      out.add(target.getIntVal());
    } else {
      for (ContainerSite c : site.containers()) {
        for (ContainerPort p : c.container().getPorts() == null ? List.<ContainerPort>of() : c.container().getPorts()) {
          if (target.getStrVal().equals(p.getName())) {
            out.add(p.getContainerPort());
          }
        }
      }
    }
    return out;
  }
}
