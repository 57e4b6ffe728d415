package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pod's port-forward through the mock API, with fabric8's client as the CLI makes it (from a kubeconfig): the bytes
 * reach the pod's listener at its IP and come back, as a real API server and kubelet relay them; a pod that does not
 * exist and a port nothing listens on fail as they do on a cluster.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PortForwardTest {

  private static final String NS = "pf";
  /** Less than the 4 KiB fabric8's client reads from a local connection for one WebSocket message. */
  private static final int STEP = 2048;

  @TempDir
  Path tmp;

  private final MockKubernetesApi api = new MockKubernetesApi();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private KubernetesClient client;
  private EchoServer echo;

  @BeforeEach
  void setUp() throws IOException {
    client = api.kubeconfigClient(tmp.resolve("kubeconfig"), NS);
    echo = new EchoServer(threads);
  }

  @AfterEach
  void tearDown() throws IOException {
    echo.close();
    client.close();
    api.close();
    threads.shutdownNow();
  }

  @Test
  void bytesGoToThePodsListenerAndBack() throws Exception {
    runningPod("server");

    try (LocalPortForward forward = client.pods().withName("server").portForward(echo.port());
        Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
      socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));

      assertThat(new String(socket.getInputStream().readNBytes(5), StandardCharsets.US_ASCII)).isEqualTo("ping\n");
      assertThat(forward.errorOccurred()).isFalse();
    }
    assertThat(api.requests()).contains(new ApiRequest("get", "", "pods/portforward", NS));
  }

  @Test
  void oneForwardCarriesConcurrentConnectionsEachToItsOwn() throws Exception {
    runningPod("server");

    try (LocalPortForward forward = client.pods().withName("server").portForward(echo.port())) {
      List<Future<byte[]>> echoed = new ArrayList<>();
      List<byte[]> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] payload = randomBytes(64 * 1024 + i, i);
        sent.add(payload);
        echoed.add(threads.submit(() -> echoedInSteps(forward.getLocalPort(), payload)));
      }
      for (int i = 0; i < sent.size(); i++) {
        assertThat(echoed.get(i).get()).as("connection %d", i).isEqualTo(sent.get(i));
      }
      assertThat(echo.connections()).isEqualTo(6);
    }
  }

  @Test
  void aMebibyteToThePodComesBackIntact() throws Exception {
    runningPod("server");
    byte[] payload = randomBytes(1024 * 1024, 42);

    try (LocalPortForward forward = client.pods().withName("server").portForward(echo.port())) {
      assertThat(echoedInSteps(forward.getLocalPort(), payload)).isEqualTo(payload);
      assertThat(forward.errorOccurred()).isFalse();
    }
  }

  @Test
  void aMebibyteFromThePodArrivesIntactAndThePodsCloseEndsTheConnection() throws Exception {
    runningPod("server");
    byte[] payload = randomBytes(1024 * 1024, 7);

    try (ServerSocket sender = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      threads.execute(() -> {
        try (Socket socket = sender.accept()) {
          socket.getOutputStream().write(payload);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
      try (LocalPortForward forward = client.pods().withName("server").portForward(sender.getLocalPort());
          Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
        assertThat(socket.getInputStream().readAllBytes()).isEqualTo(payload);
        assertThat(forward.errorOccurred()).isFalse();
      }
    }
  }

  @Test
  void aPodThatDoesNotExistIsNotFound() throws Exception {
    try (LocalPortForward forward = client.pods().withName("missing").portForward(echo.port());
        Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
      assertThat(socket.getInputStream().read()).as("the local connection is closed").isEqualTo(-1);

      assertThat(forward.errorOccurred()).isTrue();
      assertThat(forward.getServerThrowables()).singleElement().satisfies(e -> assertThat(causes(e)).contains("404"));
    }
    assertThat(echo.connections()).isZero();
  }

  @Test
  void aPortNothingListensOnIsTheKubeletsErrorOnTheErrorChannel() throws Exception {
    runningPod("server");
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = unused.getLocalPort();
    }

    try (LocalPortForward forward = client.pods().withName("server").portForward(closedPort);
        Socket socket = new Socket("127.0.0.1", forward.getLocalPort())) {
      assertThat(socket.getInputStream().read()).as("the local connection is closed").isEqualTo(-1);

      assertThat(forward.getServerThrowables()).singleElement().satisfies(e -> assertThat(e.getMessage())
          .contains("error forwarding port " + closedPort + " to pod " + NS + "/server")
          .contains("connect: connection refused"));
    }
  }

  private void runningPod(String name) {
    Pod pod = api.client().pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
        .withNamespace(NS).endMetadata().withNewSpec().withNodeName("local-node").addNewContainer().withName("c")
        .withImage("apache/spark:4.1.1").endContainer().endSpec().build()).create();
    pod.getStatus().setPhase("Running");
    pod.getStatus().setPodIP("127.0.0.1");
    api.client().pods().inNamespace(NS).resource(pod).updateStatus();
  }

  /**
   * Sends the payload in steps of one WebSocket message each, the next once the pod has echoed the last: fabric8
   * 7.4.0's port-forward on the JDK HTTP client drops a message it sends while its previous one is still being written
   * (the JDK refuses a second pending send, and the listener ignores the refusal), which a client writing faster than
   * the API server reads runs into on any cluster. The CLI uses its own forward (spark-k8s-cluster's
   * {@code PodPortForwarder}), whose test writes in bulk; this test documents the mock with fabric8's.
   */
  private static byte[] echoedInSteps(int port, byte[] payload) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      ByteArrayOutputStream echoed = new ByteArrayOutputStream(payload.length);
      for (int offset = 0; offset < payload.length; offset += STEP) {
        int length = Math.min(STEP, payload.length - offset);
        socket.getOutputStream().write(payload, offset, length);
        echoed.write(socket.getInputStream().readNBytes(length));
      }
      return echoed.toByteArray();
    }
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static String causes(Throwable e) {
    StringBuilder messages = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause()) {
      messages.append(t).append('\n');
    }
    return messages.toString();
  }

  /** A pod's listener: echoes what each connection sends. */
  private static final class EchoServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger connections = new AtomicInteger();

    EchoServer(ExecutorService threads) throws IOException {
      server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
      threads.execute(() -> {
        while (!server.isClosed()) {
          try {
            Socket socket = server.accept();
            connections.incrementAndGet();
            threads.execute(() -> echo(socket));
          } catch (IOException e) {
            return;
          }
        }
      });
    }

    int port() {
      return server.getLocalPort();
    }

    int connections() {
      return connections.get();
    }

    private static void echo(Socket socket) {
      try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
        byte[] buffer = new byte[8192];
        int read;
        while ((read = in.read(buffer)) >= 0) {
          out.write(buffer, 0, read);
        }
      } catch (IOException e) {
        // The forward closed the connection.
      }
    }

    @Override
    public void close() throws IOException {
      server.close();
    }
  }
}
