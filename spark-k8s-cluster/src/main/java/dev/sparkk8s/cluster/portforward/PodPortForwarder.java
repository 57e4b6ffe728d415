package dev.sparkk8s.cluster.portforward;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.utils.URLUtils;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A pod's port on a local port of 127.0.0.1, as {@code kubectl port-forward} gives it: each accepted connection gets
 * its own WebSocket to the pod's {@code portforward} subresource (protocol {@code v4.channel.k8s.io}) through the
 * client's HTTP client, so its authentication and TLS. Unlike fabric8 7.4.0's {@code portForward} on the JDK HTTP
 * client, which drops data sent while its previous message is still being written, every message to the pod is
 * written before the next is read, and the pod's data is requested only as fast as the local side takes it. What the
 * API server and the kubelet report (a refused upgrade, the error channel's message) is kept in {@link #errors()}.
 */
public final class PodPortForwarder implements AutoCloseable {

  private static final String PROTOCOL = "v4.channel.k8s.io";
  private static final Duration ACCEPT_LOOP_EXIT = Duration.ofSeconds(10);

  private final HttpClient http;
  private final URI uri;
  private final long connectTimeoutMillis;
  private final String target;
  private final ServerSocket listener;
  private final ExecutorService threads;
  private final Set<ForwardedConnection> connections = ConcurrentHashMap.newKeySet();
  private final List<String> errors = new CopyOnWriteArrayList<>();
  private Future<?> acceptLoop;

  private PodPortForwarder(KubernetesClient client, String namespace, String pod, int port, ServerSocket listener) {
    this.http = client.getHttpClient();
    this.uri = URI.create(URLUtils.join(client.getMasterUrl().toString(), "api", "v1", "namespaces", namespace, "pods",
        pod, "portforward?ports=" + port));
    this.connectTimeoutMillis = client.getConfiguration().getConnectionTimeout();
    this.target = "pod " + namespace + "/" + pod + " port " + port;
    this.listener = listener;
    this.threads = Executors.newCachedThreadPool(task -> daemon(task, "port-forward to " + target));
  }

  /** Listens on a free port of 127.0.0.1 and forwards each connection to the pod's port. */
  public static PodPortForwarder open(KubernetesClient client, String namespace, String pod, int port)
      throws IOException {
    ServerSocket listener = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    PodPortForwarder forwarder = new PodPortForwarder(client, namespace, pod, port, listener);
    forwarder.acceptLoop = forwarder.threads.submit(forwarder::accept);
    return forwarder;
  }

  /** The local port (on 127.0.0.1). */
  public int localPort() {
    return listener.getLocalPort();
  }

  /** What the API server and the kubelet reported so far, in the order it came. */
  public List<String> errors() {
    return List.copyOf(errors);
  }

  /**
   * Stops listening and closes every connection (each WebSocket, so the pod's side, and each local connection). The
   * local port is released when this returns: closing a listener that a thread is accepting on only signals that
   * thread, and the port listens until its accept returns, so this waits for it.
   */
  @Override
  public void close() {
    try {
      listener.close();
    } catch (IOException e) {
      // Closed either way.
    }
    awaitAcceptLoop();
    connections.forEach(ForwardedConnection::close);
    threads.shutdownNow();
  }

  private void awaitAcceptLoop() {
    try {
      acceptLoop.get(ACCEPT_LOOP_EXIT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      // The loop ends on the closed listener; nothing else can end it.
    }
  }

  private void accept() {
    while (!listener.isClosed()) {
      Socket socket;
      try {
        socket = listener.accept();
      } catch (IOException e) {
        return;
      }
      ForwardedConnection connection = new ForwardedConnection(socket, target, errors::add, connections::remove);
      connections.add(connection);
      WebSocket.Builder builder = http.newWebSocketBuilder().uri(uri).subprotocol(PROTOCOL);
      if (connectTimeoutMillis > 0) {
        builder.connectTimeout(connectTimeoutMillis, TimeUnit.MILLISECONDS);
      }
      try {
        threads.execute(() -> connection.run(builder));
      } catch (RejectedExecutionException e) {
        connection.close();
      }
      if (listener.isClosed()) {
        // Accepted as the forwarder closed, after it closed its connections.
        connection.close();
      }
    }
  }

  static Thread daemon(Runnable task, String name) {
    Thread thread = new Thread(task, name);
    thread.setDaemon(true);
    return thread;
  }
}
