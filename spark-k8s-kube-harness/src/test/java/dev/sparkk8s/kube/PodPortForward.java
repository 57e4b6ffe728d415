package dev.sparkk8s.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pods' {@code portforward} subresource ({@code GET|POST /api/v1/namespaces/NS/pods/NAME/portforward?ports=N}):
 * the API server's answers for a pod that does not exist, has no node or no port asked, and otherwise a WebSocket
 * upgrade to a {@link PortForwardRelay} to the pod's IP. One port a request, as fabric8's client asks.
 */
final class PodPortForward implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern PATH = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/portforward");

  private final List<PortForwardRelay> relays = new CopyOnWriteArrayList<>();
  /** Where a pod's port listens on the pod's IP: the port itself, unless the pods share this machine's ports. */
  private volatile BiFunction<String, Integer, Integer> listening = (pod, port) -> port;

  /** Pods whose ports listen elsewhere on their IP (the local kubelet's workload pods): (pod name, port) to port. */
  void listening(BiFunction<String, Integer, Integer> where) {
    this.listening = where;
  }

  static boolean isPortForward(String pathAndQuery) {
    return PATH.matcher(URI.create(pathAndQuery).getPath()).matches();
  }

  /**
   * The answer to a port-forward request; {@code storedPod} answers a GET of a pod's path as the API would.
   */
  MockResponse answer(String pathAndQuery, Function<String, MockResponse> storedPod) {
    URI uri = URI.create(pathAndQuery);
    Matcher path = PATH.matcher(uri.getPath());
    if (!path.matches()) {
      throw new IllegalArgumentException("not a port-forward path: " + pathAndQuery);
    }
    String namespace = path.group(1);
    String name = path.group(2);
    MockResponse stored = storedPod.apply("/api/v1/namespaces/" + namespace + "/pods/" + name);
    if (stored.code() == 404) {
      return status(404, "NotFound", "pods \"" + name + "\" not found", name);
    }
    JsonNode pod = read(stored);
    Optional<Integer> port = port(uri);
    if (port.isEmpty()) {
      return status(400, "BadRequest", "exactly one port (?ports=N, 1-65535) is served per connection here", name);
    }
    if (pod.path("spec").path("nodeName").asText().isEmpty()) {
      return status(400, "BadRequest", "pod " + name + " does not have a host assigned", name);
    }
    String podIp = pod.path("status").path("podIP").asText();
    if (podIp.isEmpty()) {
      return status(400, "BadRequest", "pod " + name + " has no IP: it is not running (phase "
          + pod.path("status").path("phase").asText("unknown") + ")", name);
    }
    PortForwardRelay relay = new PortForwardRelay(namespace + "/" + name, pod.path("metadata").path("uid").asText(),
        podIp, listening.apply(name, port.get()));
    relays.removeIf(PortForwardRelay::isClosed);
    relays.add(relay);
    return new MockResponse().withWebSocketUpgrade(relay);
  }

  /** Ends every relay still open (the server stops). */
  @Override
  public void close() {
    relays.forEach(PortForwardRelay::close);
    relays.clear();
  }

  private static Optional<Integer> port(URI uri) {
    String query = uri.getQuery() == null ? "" : uri.getQuery();
    List<String> ports = Arrays.stream(query.split("&")).filter(p -> p.startsWith("ports="))
        .map(p -> p.substring("ports=".length())).toList();
    if (ports.size() != 1 || !ports.get(0).matches("\\d{1,5}")) {
      return Optional.empty();
    }
    int port = Integer.parseInt(ports.get(0));
    return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
  }

  private static JsonNode read(MockResponse stored) {
    try {
      return JSON.readTree(stored.getBody().readUtf8());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A {@code Status} as the API server answers a refused request. */
  private static MockResponse status(int code, String reason, String message, String pod) {
    ObjectNode status = JSON.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
    status.putObject("metadata");
    status.put("status", "Failure").put("message", message).put("reason", reason);
    status.putObject("details").put("name", pod).put("kind", "pods");
    status.put("code", code);
    return new MockResponse().setResponseCode(code).setBody(status.toString());
  }
}
