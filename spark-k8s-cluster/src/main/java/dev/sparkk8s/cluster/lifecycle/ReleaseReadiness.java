package dev.sparkk8s.cluster.lifecycle;

import dev.sparkk8s.cluster.portforward.PodPortForwarder;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A release is ready when a user can use it: its Connect server pod is ready and answers the known-answer first query
 * through a port-forward (a query runs on executors, so they registered). What the port-forward reports (the kubelet's
 * "connection refused", a refused upgrade) is shown with a query that failed.
 */
public final class ReleaseReadiness {

  private static final Duration INTERVAL = Duration.ofSeconds(3);

  private ReleaseReadiness() {
  }

  /** True once ready; false when {@code timeout} passed first. Progress lines say what it waits for. */
  public static boolean await(KubernetesClient client, HelmRelease release, int connectPort, Duration timeout,
      Consumer<String> progress) {
    return await(client, release, connectPort, timeout, progress, ConnectProbe::firstQuery);
  }

  /**
   * {@link #await} with the first query given: it takes the Connect URL through the port-forward and throws a
   * {@link SparkK8sException} while the server does not answer it right.
   */
  static boolean await(KubernetesClient client, HelmRelease release, int connectPort, Duration timeout,
      Consumer<String> progress, Consumer<String> firstQuery) {
    String[] last = {""};
    return Poll.every(INTERVAL, timeout).until(() -> {
      Optional<Pod> server = readyServer(client, release);
      String state = server.isEmpty() ? "waiting for the Connect server pod to be ready"
          : "Connect server pod " + server.get().getMetadata().getName() + " is ready; asking it a first query";
      if (!state.equals(last[0])) {
        progress.accept(state);
        last[0] = state;
      }
      return server.isPresent() && answers(client, server.get(), connectPort, progress, firstQuery);
    });
  }

  /** The release's Connect server pod that is ready (not being deleted), if there is one. */
  public static Optional<Pod> readyServer(KubernetesClient client, HelmRelease release) {
    return client.pods().inNamespace(release.namespace()).withLabel(ChartLabels.INSTANCE, release.name())
        .withLabel(ChartLabels.COMPONENT, Component.CONNECT.label()).list().getItems().stream()
        .filter(p -> p.getMetadata().getDeletionTimestamp() == null && p.getStatus() != null
            && p.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus())))
        .findFirst();
  }

  private static boolean answers(KubernetesClient client, Pod server, int connectPort, Consumer<String> progress,
      Consumer<String> firstQuery) {
    try (PodPortForwarder forward = PodPortForwarder.open(client, server.getMetadata().getNamespace(),
        server.getMetadata().getName(), connectPort)) {
      try {
        firstQuery.accept("sc://127.0.0.1:" + forward.localPort());
        return true;
      } catch (SparkK8sException e) {
        progress.accept("  not yet: " + e.getMessage());
        forward.errors().forEach(error -> progress.accept("  port-forward: " + error));
        return false;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
