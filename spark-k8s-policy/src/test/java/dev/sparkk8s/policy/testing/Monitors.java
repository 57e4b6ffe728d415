package dev.sparkk8s.policy.testing;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Prometheus Operator monitors and metrics Services of release "demo", as the chart renders them. */
public final class Monitors {

  private Monitors() {
  }

  /** The component's headless metrics Service, its port metrics targeting the container port {@code targetPort}. */
  public static Service metricsService(String component, String targetPort) {
    Map<String, String> labels = new LinkedHashMap<>(Labels.of(component));
    labels.put("spark-k8s.io/metrics", "true");
    return new ServiceBuilder()
        .withNewMetadata().withName("spark-" + component + "-metrics").withLabels(labels).endMetadata()
        .withNewSpec().withClusterIP("None").withSelector(Labels.selector(component))
        .addNewPort().withName("metrics").withPort(8081).withTargetPort(new IntOrString(targetPort)).endPort()
        .endSpec()
        .build();
  }

  /** A ServiceMonitor for the component's metrics Service, one endpoint on port metrics. */
  public static GenericKubernetesResource serviceMonitor(String component) {
    Map<String, Object> matchLabels = new LinkedHashMap<>(Labels.selector(component));
    matchLabels.put("spark-k8s.io/metrics", "true");
    return monitor("ServiceMonitor", component, matchLabels, "endpoints", "metrics");
  }

  /** A PodMonitor for the component's pods, one endpoint on the container port {@code port}. */
  public static GenericKubernetesResource podMonitor(String component, String port) {
    return monitor("PodMonitor", component, new LinkedHashMap<>(Labels.selector(component)), "podMetricsEndpoints",
        port);
  }

  /** {@code spec.selector.matchLabels} of a monitor, editable. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> matchLabels(GenericKubernetesResource monitor) {
    return (Map<String, Object>) SparkApplicationFixtures.path(monitor, "spec", "selector").get("matchLabels");
  }

  /** Endpoint {@code index} of a monitor, editable. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> endpoint(GenericKubernetesResource monitor, int index) {
    Map<String, Object> spec = SparkApplicationFixtures.path(monitor, "spec");
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) spec.getOrDefault("endpoints",
        spec.get("podMetricsEndpoints"));
    return endpoints.get(index);
  }

  private static GenericKubernetesResource monitor(String kind, String component, Map<String, Object> matchLabels,
      String endpointsField, String port) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("selector", new LinkedHashMap<>(Map.of("matchLabels", matchLabels)));
    spec.put("namespaceSelector", new LinkedHashMap<>(Map.of("matchNames", new ArrayList<>(List.of("spark")))));
    spec.put("podTargetLabels", new ArrayList<>(List.of("app.kubernetes.io/instance", "app.kubernetes.io/component")));
    spec.put(endpointsField, new ArrayList<>(List.of(
        new LinkedHashMap<>(Map.of("port", port, "path", "/metrics/prometheus/", "interval", "30s")))));
    return new GenericKubernetesResourceBuilder()
        .withApiVersion("monitoring.coreos.com/v1").withKind(kind)
        .withNewMetadata().withName("spark-" + component).withLabels(Labels.of(component)).endMetadata()
        .addToAdditionalProperties("spec", spec)
        .build();
  }
}
