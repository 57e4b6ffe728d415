package dev.sparkk8s.kube;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.function.Supplier;

/**
 * A Kubernetes API on 127.0.0.1: the fabric8 mock server in CRUD mode, with watches, pod-status
 * defaulting and a log of every request made by anyone but the harness.
 */
public final class MockKubernetesApi implements AutoCloseable {

  private final RecordingCrudDispatcher dispatcher = new RecordingCrudDispatcher();
  private final KubernetesMockServer server;
  private final KubernetesClient harnessClient;

  public MockKubernetesApi() {
    server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(), dispatcher, false);
    server.init(InetAddress.getLoopbackAddress(), 0);
    harnessClient = server.createClient(b -> b.withConfig(new io.fabric8.kubernetes.client.ConfigBuilder()
        .withMasterUrl(url()).withNamespace("default")
        .withCustomHeaders(java.util.Map.of("X-Harness", "harness")).build()));
  }

  /** The API server's URL, e.g. {@code http://127.0.0.1:43121}. */
  public String url() {
    return "http://127.0.0.1:" + server.getPort();
  }

  /** A kubeconfig whose one context, {@code mock}, points at this API with {@code namespace} as its default. */
  public String kubeconfig(String namespace) {
    return """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: mock, user: {token: not-a-secret}}]
        contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: %s}}]
        current-context: mock
        """.formatted(url(), namespace);
  }

  /** A client for the harness's own requests (they are not recorded as the driver's). */
  public KubernetesClient client() {
    return harnessClient;
  }

  /** Writes a kubeconfig whose current context is this API server in that namespace (a token, no TLS). */
  public Path writeKubeconfig(Path file, String namespace) throws IOException {
    return Files.writeString(file, """
        apiVersion: v1
        kind: Config
        clusters: [{name: mock, cluster: {server: "%s"}}]
        users: [{name: mock, user: {token: test}}]
        contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: %s}}]
        current-context: mock
        """.formatted(url(), namespace));
  }

  /**
   * A client of this API as the CLI builds one (from a kubeconfig, with its HTTP client), in a namespace created
   * now; the kubeconfig is written to {@code file}.
   */
  public KubernetesClient kubeconfigClient(Path file, String namespace) throws IOException {
    harnessClient.namespaces().resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder().withNewMetadata()
        .withName(namespace).endMetadata().build()).create();
    Path kubeconfig = writeKubeconfig(file, namespace);
    return new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(io.fabric8.kubernetes.client.Config
        .fromKubeconfig(null, Files.readString(kubeconfig), kubeconfig.toString())).build();
  }

  /** Serves a pod's log ({@code GET .../pods/NAME/log}, any container), as a kubelet would: what the supplier gives. */
  public void podLog(String namespace, String pod, Supplier<String> log) {
    dispatcher.podLog(namespace, pod, log);
  }

  /** Serves the log of the pods {@link #podLog} does not name: (namespace, pod) to its log, empty for a 404. */
  public void podLogs(java.util.function.BiFunction<String, String, java.util.Optional<String>> logs) {
    dispatcher.podLogs(logs);
  }

  /**
   * Where a pod's port listens on its IP, for its port-forward: (pod name, container port) to the port. By default the
   * container port; the local kubelet's workload pods share 127.0.0.1 and listen on ports of their own.
   */
  public void portForwardListening(java.util.function.BiFunction<String, Integer, Integer> where) {
    dispatcher.portForwardListening(where);
  }

  /** Every request made by others (the Spark driver), in order. */
  public List<ApiRequest> requests() {
    return dispatcher.requests();
  }

  @Override
  public void close() {
    harnessClient.close();
    server.destroy();
  }
}
