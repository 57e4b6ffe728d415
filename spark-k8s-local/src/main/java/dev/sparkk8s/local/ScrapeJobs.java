package dev.sparkk8s.local;

import dev.sparkk8s.render.LabelSelectors;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.monitoring.ScrapeEndpoint;
import dev.sparkk8s.render.monitoring.ScrapeMonitor;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The scrape jobs of a rendered release on this machine: from its ServiceMonitors and PodMonitors as the
 * Prometheus Operator turns them into jobs (the Services' endpoints are the pods that back them), or, when it
 * renders none, from the {@code prometheus.io/*} annotations of its pods and Services. Every address is the
 * local one of the container port it names ({@link LocalAddresses}), as for everything else the runtime runs.
 */
final class ScrapeJobs {

  static final String SCRAPE = "prometheus.io/scrape";
  static final String PORT = "prometheus.io/port";
  static final String PATH = "prometheus.io/path";

  private final RenderedRelease release;
  private final List<ChartContainer> containers;
  private final LocalAddresses addresses;

  private ScrapeJobs(RenderedRelease release, List<ChartContainer> containers, LocalAddresses addresses) {
    this.release = release;
    this.containers = containers;
    this.addresses = addresses;
  }

  static List<ScrapeJob> of(RenderedRelease release, List<ChartContainer> containers, LocalAddresses addresses) {
    return new ScrapeJobs(release, containers, addresses).jobs();
  }

  private List<ScrapeJob> jobs() {
    List<ScrapeMonitor> monitors = ScrapeMonitor.in(release.objects()).stream()
        .filter(m -> m.namespaces().isEmpty() || m.namespaces().contains(addresses.namespace())).toList();
    List<ScrapeJob> jobs = new ArrayList<>();
    for (ScrapeMonitor m : monitors) {
      for (int i = 0; i < m.endpoints().size(); i++) {
        ScrapeEndpoint e = m.endpoints().get(i);
        String name = (m.servicesMonitor() ? "serviceMonitor/" : "podMonitor/") + addresses.namespace() + "/" + m.name()
            + "/" + i;
        List<ScrapeJob.Target> targets = m.servicesMonitor() ? serviceTargets(m, e) : podTargets(m, e);
        jobs.add(new ScrapeJob(name, e.path(), e.interval(), targets, e.relabelings().stream()
            .map(ScrapeJobs::prometheusSpelling).toList()));
      }
    }
    return monitors.isEmpty() ? annotated() : jobs;
  }

  /** Every pod behind every selected Service that has the endpoint's port, at the port the Service targets. */
  private List<ScrapeJob.Target> serviceTargets(ScrapeMonitor m, ScrapeEndpoint e) {
    List<ScrapeJob.Target> targets = new ArrayList<>();
    for (Service s : release.objects(Service.class)) {
      Optional<ServicePort> port = port(s, e.port());
      if (port.isEmpty() || !LabelSelectors.matches(m.selector(), labels(s.getMetadata().getLabels()))) {
        continue;
      }
      IntOrString target = port.get().getTargetPort() == null ? new IntOrString(port.get().getPort())
          : port.get().getTargetPort();
      for (ChartContainer c : backing(s)) {
        Map<String, String> labels = baseLabels(c, m.podTargetLabels());
        labels.put("job", s.getMetadata().getName());
        labels.put("service", s.getMetadata().getName());
        labels.put("endpoint", e.port());
        meta(labels, "service_label_", s.getMetadata().getLabels());
        meta(labels, "service_annotation_", s.getMetadata().getAnnotations());
        labels.put("__meta_kubernetes_service_name", s.getMetadata().getName());
        targets.add(new ScrapeJob.Target(local(addresses.port(c, target)), labels));
      }
    }
    return targets;
  }

  /** Every selected pod with a container port of the endpoint's name. */
  private List<ScrapeJob.Target> podTargets(ScrapeMonitor m, ScrapeEndpoint e) {
    List<ScrapeJob.Target> targets = new ArrayList<>();
    for (ChartContainer c : selected(m.selector())) {
      boolean hasPort = c.container().getPorts() != null
          && c.container().getPorts().stream().anyMatch(p -> e.port() != null && e.port().equals(p.getName()));
      if (hasPort) {
        Map<String, String> labels = baseLabels(c, m.podTargetLabels());
        labels.put("job", addresses.namespace() + "/" + m.name());
        labels.put("endpoint", e.port());
        targets.add(new ScrapeJob.Target(local(addresses.port(c, e.port())), labels));
      }
    }
    return targets;
  }

  /**
   * The community's annotation-based jobs: pods, and the pods behind Services, annotated
   * {@code prometheus.io/scrape: "true"}, on the container port and path the annotations name; every pod label
   * becomes a label (the usual {@code labelmap} of {@code __meta_kubernetes_pod_label_(.+)}).
   */
  private List<ScrapeJob> annotated() {
    List<ScrapeJob.Target> pods = new ArrayList<>();
    for (ChartContainer c : containers) {
      Map<String, String> a = labels(c.pod().getMetadata().getAnnotations());
      if ("true".equals(a.get(SCRAPE)) && a.containsKey(PORT)) {
        pods.add(annotatedTarget(c, a, null));
      }
    }
    List<ScrapeJob.Target> services = new ArrayList<>();
    for (Service s : release.objects(Service.class)) {
      Map<String, String> a = labels(s.getMetadata().getAnnotations());
      if ("true".equals(a.get(SCRAPE)) && a.containsKey(PORT)) {
        backing(s).forEach(c -> services.add(annotatedTarget(c, a, s.getMetadata().getName())));
      }
    }
    List<ScrapeJob> jobs = new ArrayList<>();
    if (!pods.isEmpty()) {
      jobs.add(new ScrapeJob("kubernetes-pods", "/metrics", null, pods, List.of()));
    }
    if (!services.isEmpty()) {
      jobs.add(new ScrapeJob("kubernetes-service-endpoints", "/metrics", null, services, List.of()));
    }
    return jobs;
  }

  private ScrapeJob.Target annotatedTarget(ChartContainer c, Map<String, String> annotations, String service) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("namespace", addresses.namespace());
    labels.put("pod", c.instance());
    if (service != null) {
      labels.put("service", service);
    }
    labels(c.labels()).forEach((k, v) -> labels.put(sanitized(k), v));
    labels.put("__metrics_path__", annotations.getOrDefault(PATH, "/metrics"));
    int port = addresses.port(c, Integer.parseInt(annotations.get(PORT)));
    return new ScrapeJob.Target(local(port), labels);
  }

  /** What the operator gives every target of a pod: its namespace, pod, container and podTargetLabels. */
  private Map<String, String> baseLabels(ChartContainer c, List<String> podTargetLabels) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put("namespace", addresses.namespace());
    labels.put("pod", c.instance());
    labels.put("container", c.container().getName());
    Map<String, String> podLabels = labels(c.labels());
    podTargetLabels.stream().filter(podLabels::containsKey).forEach(k -> labels.put(sanitized(k), podLabels.get(k)));
    labels.put("__meta_kubernetes_namespace", addresses.namespace());
    labels.put("__meta_kubernetes_pod_name", c.instance());
    meta(labels, "pod_label_", podLabels);
    meta(labels, "pod_annotation_", c.pod().getMetadata().getAnnotations());
    return labels;
  }

  private List<ChartContainer> backing(Service s) {
    Map<String, String> selector = labels(s.getSpec().getSelector());
    return selector.isEmpty() ? List.of()
        : containers.stream().filter(c -> labels(c.labels()).entrySet().containsAll(selector.entrySet())).toList();
  }

  private List<ChartContainer> selected(LabelSelector selector) {
    return containers.stream().filter(c -> LabelSelectors.matches(selector, labels(c.labels()))).toList();
  }

  private static void meta(Map<String, String> labels, String prefix, Map<String, String> values) {
    labels(values).forEach((k, v) -> labels.put("__meta_kubernetes_" + prefix + sanitized(k), v));
  }

  /** A relabeling as the operator writes it into Prometheus's configuration: {@code sourceLabels} as {@code source_labels}. */
  private static Map<String, Object> prometheusSpelling(Map<String, Object> relabeling) {
    Map<String, Object> out = new LinkedHashMap<>();
    relabeling.forEach((k, v) -> out.put(k.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT), v));
    return out;
  }

  /** A Kubernetes label name as Prometheus spells it ({@code app.kubernetes.io/component}: {@code app_kubernetes_io_component}). */
  static String sanitized(String name) {
    return name.replaceAll("[^a-zA-Z0-9_]", "_");
  }

  private static Optional<ServicePort> port(Service s, String name) {
    return s.getSpec().getPorts() == null || name == null ? Optional.empty()
        : s.getSpec().getPorts().stream().filter(p -> name.equals(p.getName())).findFirst();
  }

  private static String local(int port) {
    return LocalAddresses.LOOPBACK + ":" + port;
  }

  private static Map<String, String> labels(Map<String, String> map) {
    return map == null ? Map.of() : map;
  }
}
