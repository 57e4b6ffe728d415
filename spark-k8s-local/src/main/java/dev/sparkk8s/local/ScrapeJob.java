package dev.sparkk8s.local;

import java.util.List;
import java.util.Map;

/**
 * One scrape job of the local Prometheus, as the Prometheus Operator would generate it for a monitor's endpoint
 * (or as an annotation-based configuration scrapes annotated pods and Services).
 *
 * @param name        the job's name ({@code serviceMonitor/<namespace>/<monitor>/<endpoint index>}, ...)
 * @param path        the metrics path
 * @param interval    the scrape interval, or null for the global one
 * @param targets     local addresses with their labels
 * @param relabelings the endpoint's own relabelings, in Prometheus's spelling
 */
record ScrapeJob(String name, String path, String interval, List<Target> targets, List<Map<String, Object>> relabelings) {

  /**
   * @param address {@code 127.0.0.1:<local port>}
   * @param labels  what the operator's service discovery and relabeling give the target (job, namespace, service,
   *                pod, container, endpoint, the podTargetLabels) and the {@code __meta_kubernetes_*} labels a
   *                monitor's own relabelings may read
   */
  record Target(String address, Map<String, String> labels) {
  }
}
