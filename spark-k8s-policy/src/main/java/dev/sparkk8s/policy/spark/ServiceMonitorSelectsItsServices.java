package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.LabelSelectors;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.monitoring.ScrapeEndpoint;
import dev.sparkk8s.render.monitoring.ScrapeMonitor;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A ServiceMonitor scrapes what it is for: its selector selects at least one Service of its namespaces, every
 * Service it selects fronts pods of the monitor's component, and every endpoint names a port of a selected
 * Service whose target port the pods have. Prometheus reports none of these mistakes: it has no target.
 */
public final class ServiceMonitorSelectsItsServices implements Rule {

  public static final String ID = "spark/service-monitor-selects-its-services";
  private static final String FIX = "select the component's metrics Service (the component's selector labels and "
      + ChartLabels.METRICS_SERVICE + ": \"true\") and scrape its port metrics, as monitoring.serviceMonitor renders it";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (ScrapeMonitor monitor : ScrapeMonitor.in(manifests.objects())) {
      if (monitor.servicesMonitor()) {
        check(manifests, monitor, out);
      }
    }
  }

  private static void check(Manifests manifests, ScrapeMonitor monitor, List<Finding> out) {
    String resource = Manifests.ref(monitor.object());
    List<Service> selected = manifests.all(Service.class).stream()
        .filter(s -> MonitorScope.covers(monitor, s) && LabelSelectors.matches(monitor.selector(), labels(s)))
        .toList();
    if (selected.isEmpty()) {
      out.add(new Finding(ID, resource, null, "spec.selector", "selects no Service: Prometheus gets no target", FIX));
      return;
    }
    monitor.component().ifPresent(component -> selected.stream()
        .filter(s -> podsOf(manifests, s).stream().noneMatch(site -> MonitorScope.isComponent(site, component)))
        .forEach(s -> out.add(new Finding(ID, resource, null, "spec.selector", "selects " + Manifests.ref(s)
            + ", which fronts no pod of component " + component + " (the monitor's own component label)", FIX))));
    for (int i = 0; i < monitor.endpoints().size(); i++) {
      String field = monitor.endpointField(i) + ".port";
      endpointProblem(manifests, selected, monitor.endpoints().get(i))
          .ifPresent(problem -> out.add(new Finding(ID, resource, null, field, problem, FIX)));
    }
  }

  /** Why the endpoint yields no target, if it does not. */
  private static Optional<String> endpointProblem(Manifests manifests, List<Service> selected, ScrapeEndpoint endpoint) {
    if (endpoint.port() == null) {
      return Optional.of("names no port: give the name of the Service port to scrape");
    }
    List<Service> withPort = selected.stream().filter(s -> port(s, endpoint.port()).isPresent()).toList();
    if (withPort.isEmpty()) {
      return Optional.of("port " + endpoint.port() + " is not a port of any Service it selects ("
          + String.join(", ", selected.stream().map(Manifests::ref).toList()) + ")");
    }
    for (Service s : withPort) {
      ServicePort port = port(s, endpoint.port()).orElseThrow();
      boolean named = port.getTargetPort() != null && port.getTargetPort().getStrVal() != null;
      List<PodSite> pods = podsOf(manifests, s);
      if (named && pods.stream().allMatch(site -> ServiceSelection.targetPorts(port, site).isEmpty())) {
        return Optional.of(Manifests.ref(s) + " port " + endpoint.port() + " targets port "
            + port.getTargetPort().getStrVal() + ", which none of its pods declares");
      }
    }
    return Optional.empty();
  }

  private static List<PodSite> podsOf(Manifests manifests, Service service) {
    return manifests.podSites().stream()
        .filter(site -> Manifests.sameNamespace(service, site.owner()) && ServiceSelection.selects(service, site))
        .toList();
  }

  private static Map<String, String> labels(Service s) {
    return s.getMetadata().getLabels() == null ? Map.of() : s.getMetadata().getLabels();
  }

  private static Optional<ServicePort> port(Service s, String name) {
    return s.getSpec() == null || s.getSpec().getPorts() == null ? Optional.empty()
        : s.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
  }
}
