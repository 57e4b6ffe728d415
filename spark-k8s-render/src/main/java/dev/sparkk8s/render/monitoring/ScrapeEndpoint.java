package dev.sparkk8s.render.monitoring;

import java.util.List;
import java.util.Map;

/**
 * One endpoint of a ServiceMonitor ({@code spec.endpoints[]}) or a PodMonitor ({@code spec.podMetricsEndpoints[]}).
 *
 * @param port        the name of the Service port (ServiceMonitor) or container port (PodMonitor)
 * @param path        the HTTP path, {@code /metrics} when not given (the operator's default)
 * @param interval    the scrape interval, or null for the Prometheus's own
 * @param relabelings the endpoint's relabelings, as written (the operator's camelCase fields)
 */
public record ScrapeEndpoint(String port, String path, String interval, List<Map<String, Object>> relabelings) {

  static final String DEFAULT_PATH = "/metrics";
}
