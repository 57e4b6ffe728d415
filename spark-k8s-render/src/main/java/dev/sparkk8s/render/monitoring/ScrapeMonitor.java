package dev.sparkk8s.render.monitoring;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Prometheus Operator ServiceMonitor or PodMonitor: what it selects, in which namespaces, and its endpoints.
 *
 * @param object          the rendered object
 * @param kind            {@link #SERVICE_MONITOR} or {@link #POD_MONITOR}
 * @param selector        {@code spec.selector}
 * @param namespaces      {@code spec.namespaceSelector.matchNames}; empty: the monitor's own namespace
 * @param podTargetLabels pod labels copied onto every series ({@code spec.podTargetLabels})
 * @param endpoints       {@code spec.endpoints} or {@code spec.podMetricsEndpoints}, in order
 */
public record ScrapeMonitor(HasMetadata object, String kind, LabelSelector selector, List<String> namespaces,
    List<String> podTargetLabels, List<ScrapeEndpoint> endpoints) {

  public static final String GROUP = "monitoring.coreos.com";
  public static final String SERVICE_MONITOR = "ServiceMonitor";
  public static final String POD_MONITOR = "PodMonitor";

  private static final KubernetesSerialization JSON = new KubernetesSerialization();

  /** Every ServiceMonitor and PodMonitor among the objects. */
  public static List<ScrapeMonitor> in(List<? extends HasMetadata> objects) {
    return objects.stream().filter(ScrapeMonitor::isMonitor).map(ScrapeMonitor::of).toList();
  }

  static boolean isMonitor(HasMetadata o) {
    return o.getApiVersion() != null && o.getApiVersion().startsWith(GROUP + "/")
        && (SERVICE_MONITOR.equals(o.getKind()) || POD_MONITOR.equals(o.getKind()));
  }

  static ScrapeMonitor of(HasMetadata object) {
    JsonNode spec = JSON.convertValue(object, JsonNode.class).path("spec");
    LabelSelector selector = JSON.convertValue(spec.path("selector"), LabelSelector.class);
    List<String> namespaces = strings(spec.path("namespaceSelector").path("matchNames"));
    JsonNode endpoints = spec.path(SERVICE_MONITOR.equals(object.getKind()) ? "endpoints" : "podMetricsEndpoints");
    List<ScrapeEndpoint> out = new ArrayList<>();
    for (JsonNode e : endpoints) {
      List<Map<String, Object>> relabelings = new ArrayList<>();
      e.path("relabelings").forEach(r -> relabelings.add(JSON.convertValue(r, Map.class)));
      out.add(new ScrapeEndpoint(e.path("port").asText(null), e.path("path").asText(ScrapeEndpoint.DEFAULT_PATH),
          e.path("interval").asText(null), List.copyOf(relabelings)));
    }
    return new ScrapeMonitor(object, object.getKind(), selector == null ? new LabelSelector() : selector, namespaces,
        strings(spec.path("podTargetLabels")), List.copyOf(out));
  }

  public String name() {
    return object.getMetadata().getName();
  }

  /** The monitor's namespace as rendered; null when the output names none. */
  public String namespace() {
    return object.getMetadata().getNamespace();
  }

  /** The chart's component the monitor is for (its own component label). */
  public Optional<String> component() {
    Map<String, String> labels = object.getMetadata().getLabels();
    return Optional.ofNullable(labels == null ? null : labels.get(ChartLabels.COMPONENT));
  }

  public boolean servicesMonitor() {
    return SERVICE_MONITOR.equals(kind);
  }

  /** Where findings about endpoint {@code index} point: {@code spec.endpoints[0]} or {@code spec.podMetricsEndpoints[0]}. */
  public String endpointField(int index) {
    return "spec." + (servicesMonitor() ? "endpoints" : "podMetricsEndpoints") + "[" + index + "]";
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return List.copyOf(out);
  }
}
