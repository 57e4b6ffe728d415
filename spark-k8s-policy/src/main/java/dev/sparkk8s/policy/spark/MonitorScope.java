package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.monitoring.ScrapeMonitor;
import io.fabric8.kubernetes.api.model.HasMetadata;

/** Which objects a ServiceMonitor or PodMonitor may select, and whether a pod is of the component it is for. */
final class MonitorScope {

  private MonitorScope() {
  }

  /**
   * True when the object is in a namespace the monitor looks in: {@code namespaceSelector.matchNames}, else the
   * monitor's own. Rendered output often names no namespace; an object without one counts as the release's.
   */
  static boolean covers(ScrapeMonitor monitor, HasMetadata object) {
    String namespace = object.getMetadata().getNamespace();
    if (namespace == null) {
      return true;
    }
    return monitor.namespaces().isEmpty()
        ? monitor.namespace() == null || monitor.namespace().equals(namespace)
        : monitor.namespaces().contains(namespace);
  }

  static boolean isComponent(PodSite site, String component) {
    return component.equals(site.labels().get(ChartLabels.COMPONENT));
  }
}
