package dev.sparkk8s.cluster.doctor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Spark's REST API ({@code /api/v1/...} on a driver's UI and the History Server) through the API server's pod proxy
 * ({@code /api/v1/namespaces/<ns>/pods/<pod>:<port>/proxy/...}, what {@code kubectl get --raw} reaches): no
 * port-forward, but the {@code pods/proxy} permission.
 */
final class SparkUis {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KubernetesClient client;

  SparkUis(KubernetesClient client) {
    this.client = client;
  }

  /** The executors the driver's UI lists as active, the driver itself left out. */
  int executorsRegistered(Pod driver, int uiPort) throws IOException {
    JsonNode applications = get(driver, uiPort, "/api/v1/applications");
    if (!applications.isArray() || applications.isEmpty()) {
      throw new IOException("its UI lists no application");
    }
    String app = applications.get(0).path("id").asText();
    JsonNode executors = get(driver, uiPort, "/api/v1/applications/" + app + "/executors");
    return (int) StreamSupport.stream(executors.spliterator(), false)
        .filter(e -> !"driver".equals(e.path("id").asText())).count();
  }

  /** The applications the History Server lists, at most one (it is asked for one). */
  int historyApplications(Pod history, int port) throws IOException {
    return get(history, port, "/api/v1/applications?limit=1").size();
  }

  /** The port of the pod's container named {@code name}, if it has one. */
  static Optional<Integer> port(Pod pod, String container, String name) {
    return pod.getSpec().getContainers().stream().filter(c -> container.equals(c.getName()))
        .map(Container::getPorts).filter(Objects::nonNull).flatMap(List::stream)
        .filter(p -> name.equals(p.getName())).map(ContainerPort::getContainerPort).findFirst();
  }

  private JsonNode get(Pod pod, int port, String path) throws IOException {
    String body = client.raw("/api/v1/namespaces/" + pod.getMetadata().getNamespace() + "/pods/"
        + pod.getMetadata().getName() + ":" + port + "/proxy" + path);
    if (body == null) {
      throw new IOException(path + " answered 404");
    }
    return JSON.readTree(body);
  }
}
