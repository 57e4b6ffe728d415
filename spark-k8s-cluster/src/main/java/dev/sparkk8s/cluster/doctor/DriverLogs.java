package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** The Spark driver's log: the Connect server's container (an operator's driver container), this run's and the last. */
public final class DriverLogs {

  /** The driver's container: the Connect server's, or the one an operator names in its driver pod. */
  public static final Set<String> CONTAINERS = Set.of(ContainerNames.CONNECT, ContainerNames.DRIVER,
      ContainerNames.SPARK_DEFAULT_DRIVER);

  /** One line of a driver's log. */
  public record Line(Pod pod, String container, String text) {
  }

  private DriverLogs() {
  }

  /** The driver containers of the release's Connect pods. */
  public static Stream<Container> containers(Pod pod) {
    return Component.CONNECT.labels(pod) && pod.getSpec() != null && pod.getSpec().getContainers() != null
        ? pod.getSpec().getContainers().stream().filter(c -> CONTAINERS.contains(c.getName())) : Stream.empty();
  }

  /** Every line read of every driver's log, the previous run's first. */
  public static Stream<Line> lines(ClusterSnapshot snapshot) {
    return snapshot.pods().stream().flatMap(pod -> containers(pod).flatMap(c -> Stream.of(
            snapshot.previousLog(pod, c.getName()), snapshot.log(pod, c.getName()))
        .flatMap(List::stream).map(text -> new Line(pod, c.getName(), text))));
  }
}
