package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.cluster.ApiErrors;
import dev.sparkk8s.cluster.ClusterInputException;
import dev.sparkk8s.cluster.Namespaces;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a release's cluster state once: its pods, the events about them and its workloads, its Spark configuration,
 * the logs the diagnoses read (the driver's, the workers', the previous run of every container that restarted) and
 * what the Connect server's and History Server's UIs list.
 */
public final class SnapshotReader {

  /** Lines read from the end of each log. */
  public static final int LOG_LINES = 500;

  private final KubernetesClient client;

  public SnapshotReader(KubernetesClient client) {
    this.client = client;
  }

  /**
   * @throws ClusterInputException when the namespace or the release does not exist, or the API server does not
   *                               answer or refuses the reads
   */
  public ClusterSnapshot read(String namespace, String release) {
    try {
      return readChecked(namespace, release);
    } catch (KubernetesClientException e) {
      throw ApiErrors.asInput(client, e);
    }
  }

  private ClusterSnapshot readChecked(String namespace, String release) {
    Namespaces.require(client, namespace);
    List<Pod> pods = client.pods().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release).list().getItems();
    List<ConfigMap> configMaps = client.configMaps().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release)
        .list().getItems();
    List<HasMetadata> workloads = Stream.of(
        client.apps().deployments().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release).list().getItems(),
        client.apps().replicaSets().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release).list().getItems(),
        client.apps().statefulSets().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release).list().getItems())
        .flatMap(List::stream).map(HasMetadata.class::cast).toList();
    if (pods.isEmpty() && configMaps.isEmpty() && workloads.isEmpty()) {
      throw new ClusterInputException("no release " + release + " in namespace " + namespace + " (no object labelled "
          + ChartLabels.INSTANCE + "=" + release + "); " + otherReleases(namespace));
    }
    List<String> notChecked = new ArrayList<>();
    Map<ContainerRef, List<String>> logs = new HashMap<>();
    Map<ContainerRef, List<String>> previousLogs = new HashMap<>();
    for (Pod pod : pods) {
      Stream.concat(DriverLogs.containers(pod).map(Container::getName),
              Component.WORKER.labels(pod) ? Stream.of(ContainerNames.WORKER) : Stream.empty())
          .forEach(c -> readLog(pod, c, false, logs, notChecked));
      Pods.containerRuns(pod).filter(run -> run.status().getRestartCount() != null
          && run.status().getRestartCount() > 0).forEach(run -> readLog(pod, run.name(), true, previousLogs, notChecked));
    }
    SparkUis uis = new SparkUis(client);
    return new ClusterSnapshot(namespace, release, pods, events(namespace, pods, workloads),
        conf(configMaps, ChartConfigMap.CONNECT_CONF), conf(configMaps, ChartConfigMap.HISTORY_CONF), logs,
        previousLogs,
        ask(pods, Component.CONNECT, ContainerNames.CONNECT, PortNames.UI, uis::executorsRegistered,
            "the executors registered with the Connect server", notChecked),
        ask(pods, Component.HISTORY, ContainerNames.HISTORY, PortNames.HTTP, uis::historyApplications,
            "the applications the History Server lists", notChecked),
        notChecked);
  }

  private String otherReleases(String namespace) {
    Set<String> releases = client.configMaps().inNamespace(namespace).withLabel(ChartLabels.INSTANCE).list()
        .getItems().stream().filter(cm -> Component.of(cm).isPresent())
        .map(cm -> cm.getMetadata().getLabels().get(ChartLabels.INSTANCE))
        .collect(Collectors.toCollection(TreeSet::new));
    return releases.isEmpty() ? "no release of the chart is there"
        : "releases of the chart there: " + String.join(", ", releases);
  }

  private List<Event> events(String namespace, List<Pod> pods, List<HasMetadata> workloads) {
    Set<String> objects = Stream.concat(pods.stream(), workloads.stream())
        .map(o -> o.getKind() + "/" + o.getMetadata().getName()).collect(Collectors.toSet());
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null
            && objects.contains(e.getInvolvedObject().getKind() + "/" + e.getInvolvedObject().getName()))
        .toList();
  }

  private static Map<String, String> conf(List<ConfigMap> configMaps, ChartConfigMap file) {
    return configMaps.stream().filter(file::is).findFirst().map(cm -> SparkDefaults.parse(cm.getData().get(file.key())))
        .orElse(Map.of());
  }

  private void readLog(Pod pod, String container, boolean previous, Map<ContainerRef, List<String>> into,
      List<String> notChecked) {
    PodResource resource = client.pods().inNamespace(pod.getMetadata().getNamespace())
        .withName(pod.getMetadata().getName());
    try {
      String log = previous ? resource.inContainer(container).terminated().tailingLines(LOG_LINES).getLog()
          : resource.inContainer(container).tailingLines(LOG_LINES).getLog();
      into.put(new ContainerRef(pod.getMetadata().getName(), container), log == null ? List.of() : log.lines().toList());
    } catch (KubernetesClientException e) {
      // 400: the container has not started (yet), so it has no such log.
      if (e.getCode() != 400) {
        notChecked.add((previous ? "the previous log of " : "the log of ") + Pods.ref(pod) + " container " + container
            + ": " + ApiErrors.oneLine(e));
      }
    }
  }

  /** What one Spark UI answers, asked of the component's first ready pod; empty when none is ready or it fails. */
  private OptionalInt ask(List<Pod> pods, Component component, String container, String portName, UiQuestion question,
      String what, List<String> notChecked) {
    Optional<Pod> ready = pods.stream().filter(component::labels).filter(Pods::ready).findFirst();
    Optional<Integer> port = ready.flatMap(p -> SparkUis.port(p, container, portName));
    if (port.isEmpty()) {
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(question.ask(ready.get(), port.get()));
    } catch (IOException | KubernetesClientException e) {
      notChecked.add(what + " (" + Pods.ref(ready.get()) + " port " + port.get() + " through the API server's pod "
          + "proxy): " + (e instanceof KubernetesClientException k ? ApiErrors.oneLine(k) : e.getMessage()));
      return OptionalInt.empty();
    }
  }

  @FunctionalInterface
  private interface UiQuestion {
    int ask(Pod pod, int port) throws IOException;
  }
}
