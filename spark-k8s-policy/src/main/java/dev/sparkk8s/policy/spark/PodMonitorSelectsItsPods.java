package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import dev.sparkk8s.render.LabelSelectors;
import dev.sparkk8s.render.monitoring.ScrapeEndpoint;
import dev.sparkk8s.render.monitoring.ScrapeMonitor;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A PodMonitor scrapes what it is for: its selector selects at least one pod of its namespaces, only pods of
 * the monitor's component, and every endpoint names a container port each selected pod has. Prometheus reports
 * none of these mistakes: it has no target, or scrapes pods that serve no metrics.
 */
public final class PodMonitorSelectsItsPods implements Rule {

  public static final String ID = "spark/pod-monitor-selects-its-pods";
  /** The name Spark gives the UI port it adds to a driver pod it builds (BasicDriverFeatureStep, spark-kubernetes). */
  static final String SPARK_DRIVER_UI_PORT = "spark-ui";
  private static final String FIX = "select the component's pods by its selector labels and scrape the container "
      + "port of its UI (ui, web-ui; spark-ui on a SparkApplication's driver), as monitoring.podMonitor renders it";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (ScrapeMonitor monitor : ScrapeMonitor.in(manifests.objects())) {
      if (!monitor.servicesMonitor()) {
        check(manifests, monitor, out);
      }
    }
  }

  private static void check(Manifests manifests, ScrapeMonitor monitor, List<Finding> out) {
    String resource = Manifests.ref(monitor.object());
    List<PodSite> selected = manifests.podSites().stream()
        .filter(site -> MonitorScope.covers(monitor, site.owner())
            && LabelSelectors.matches(monitor.selector(), site.labels()))
        .toList();
    if (selected.isEmpty()) {
      out.add(new Finding(ID, resource, null, "spec.selector", "selects no pod: Prometheus gets no target", FIX));
      return;
    }
    monitor.component().ifPresent(component -> selected.stream()
        .filter(site -> !MonitorScope.isComponent(site, component))
        .forEach(site -> out.add(new Finding(ID, resource, null, "spec.selector", "selects the pods of "
            + site.resource() + ", which are not of component " + component + " (the monitor's own component label)",
            FIX))));
    for (int i = 0; i < monitor.endpoints().size(); i++) {
      ScrapeEndpoint endpoint = monitor.endpoints().get(i);
      String field = monitor.endpointField(i) + ".port";
      for (PodSite site : selected) {
        if (endpoint.port() == null || !portNames(manifests, site).contains(endpoint.port())) {
          out.add(new Finding(ID, resource, null, field, "the pods of " + site.resource() + " have no container port "
              + (endpoint.port() == null ? "(none named)" : "named " + endpoint.port()), FIX));
        }
      }
    }
  }

  /** The container ports' names of a pod, with the UI port Spark adds to the driver pod of a SparkApplication. */
  private static Set<String> portNames(Manifests manifests, PodSite site) {
    Set<String> names = new HashSet<>();
    for (ContainerSite c : site.containers()) {
      for (ContainerPort p : c.container().getPorts() == null ? List.<ContainerPort>of() : c.container().getPorts()) {
        names.add(p.getName());
      }
    }
    if (site.owner() instanceof GenericKubernetesResource app && SparkApplications.isSparkApplication(app)
        && SparkApplications.pod(app, SparkRole.DRIVER).specPath().of("").equals(site.specPath().of(""))) {
      names.add(SPARK_DRIVER_UI_PORT);
    }
    return names;
  }
}
