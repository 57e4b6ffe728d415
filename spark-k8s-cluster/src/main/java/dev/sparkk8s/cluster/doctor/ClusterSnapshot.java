package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A release's cluster state, read once: what every diagnosis looks at.
 *
 * @param pods                the release's pods (its label {@code app.kubernetes.io/instance}), executor pods included
 * @param events              the events about those pods and the release's workloads
 * @param connectConf         the Connect server's spark-defaults.conf (its ConfigMap); empty without one
 * @param historyConf         the History Server's spark-defaults.conf; empty without one
 * @param logs                the last lines of the containers whose log a diagnosis reads
 * @param previousLogs        the last lines of the previous run of containers that restarted
 * @param executorsRegistered executors the Connect server's UI lists; empty when it was not asked or did not answer
 * @param historyApplications applications the History Server lists (0 or 1: it is asked for one); empty likewise
 * @param notChecked          what could not be read, and so was not diagnosed, with why
 */
public record ClusterSnapshot(String namespace, String release, List<Pod> pods, List<Event> events,
    Map<String, String> connectConf, Map<String, String> historyConf, Map<ContainerRef, List<String>> logs,
    Map<ContainerRef, List<String>> previousLogs, OptionalInt executorsRegistered, OptionalInt historyApplications,
    List<String> notChecked) {

  public ClusterSnapshot {
    pods = List.copyOf(pods);
    events = List.copyOf(events);
    connectConf = Map.copyOf(connectConf);
    historyConf = Map.copyOf(historyConf);
    logs = Map.copyOf(logs);
    previousLogs = Map.copyOf(previousLogs);
    notChecked = List.copyOf(notChecked);
  }

  public List<Pod> pods(Component component) {
    return pods.stream().filter(component::labels).toList();
  }

  /** The container's log as read (its last lines); empty when it was not read. */
  public List<String> log(Pod pod, String container) {
    return logs.getOrDefault(new ContainerRef(pod.getMetadata().getName(), container), List.of());
  }

  /** The log of the container's previous run; empty when it has none or it was not read. */
  public List<String> previousLog(Pod pod, String container) {
    return previousLogs.getOrDefault(new ContainerRef(pod.getMetadata().getName(), container), List.of());
  }
}
