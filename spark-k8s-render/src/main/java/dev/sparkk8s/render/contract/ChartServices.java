package dev.sparkk8s.render.contract;

import dev.sparkk8s.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;

/** The Services of a rendered release, found by component and port name. */
public final class ChartServices {

  private ChartServices() {
  }

  /**
   * The pod port behind the named port of the component's Services, e.g. the Connect server's {@code grpc}:
   * what a port-forward to the pod connects to.
   */
  public static int targetPort(RenderedRelease release, Component component, String portName) {
    List<ServicePort> ports = release.objects(Service.class).stream()
        .filter(component::labels)
        .flatMap(s -> s.getSpec().getPorts().stream())
        .filter(p -> portName.equals(p.getName()))
        .toList();
    if (ports.size() != 1) {
      throw new IllegalArgumentException("the release renders " + ports.size() + " Service ports named " + portName
          + " for component " + component + "; expected one");
    }
    ServicePort port = ports.get(0);
    IntOrString target = port.getTargetPort();
    if (target == null) {
      return port.getPort();
    }
    if (target.getIntVal() == null) {
      throw new IllegalArgumentException("Service port " + portName + " of component " + component
          + " targets the named port " + target.getStrVal() + "; the chart renders numbers");
    }
    return target.getIntVal();
  }
}
