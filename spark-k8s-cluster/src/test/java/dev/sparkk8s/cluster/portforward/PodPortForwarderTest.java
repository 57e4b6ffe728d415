package dev.sparkk8s.cluster.portforward;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.kube.MockKubernetesApi;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI's port-forward through the harness's mock API (which relays each WebSocket over TCP to the pod's IP, here a
 * listener of the test's), with fabric8's client made from a kubeconfig as the CLI makes it (on the JDK HTTP client).
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PodPortForwarderTest {

  private static final String NS = "pf";
  private static final int MIB = 1024 * 1024;

  @TempDir
  Path tmp;

  private final MockKubernetesApi api = new MockKubernetesApi();
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private KubernetesClient client;
  private ServerSocket pod;

  @BeforeEach
  void setUp() throws IOException {
    client = api.kubeconfigClient(tmp.resolve("kubeconfig"), NS);
    pod = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    runningPod("server");
  }

  @AfterEach
  void tearDown() throws IOException {
    pod.close();
    client.close();
    api.close();
    threads.shutdownNow();
  }

  /**
   * The pod reads slowly, so the WebSocket's writes wait on the network: every byte written in mebibyte writes must
   * still arrive, in order (through fabric8 7.4.0's portForward 6 MiB of it went missing here, with no error).
   */
  @Test
  void sixteenMebibytesWrittenInLargeChunksReachASlowPodIntactAndInOrder() throws Exception {
    byte[] payload = randomBytes(16 * MIB, 16);
    Future<byte[]> digestAtPod = threads.submit(() -> {
      try (Socket socket = pod.accept()) {
        byte[] digest = slowDigest(socket.getInputStream(), payload.length);
        socket.getOutputStream().write(digest);
        return digest;
      }
    });

    try (PodPortForwarder forward = PodPortForwarder.open(client, NS, "server", pod.getLocalPort());
        Socket socket = new Socket("127.0.0.1", forward.localPort())) {
      OutputStream out = socket.getOutputStream();
      for (int offset = 0; offset < payload.length; offset += MIB) {
        out.write(payload, offset, MIB);
      }

      assertThat(socket.getInputStream().readNBytes(32)).as("the pod's digest of what it read")
          .isEqualTo(sha256(payload));
      assertThat(digestAtPod.get()).isEqualTo(sha256(payload));
      assertThat(forward.errors()).isEmpty();
    }
  }

  @Test
  void concurrentConnectionsEachReachTheirOwnConnectionToThePod() throws Exception {
    threads.execute(this::echoEveryConnection);

    try (PodPortForwarder forward = PodPortForwarder.open(client, NS, "server", pod.getLocalPort())) {
      List<Future<byte[]>> echoed = new ArrayList<>();
      List<byte[]> sent = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        byte[] payload = randomBytes(MIB + i, i);
        sent.add(payload);
        echoed.add(threads.submit(() -> echoed(forward.localPort(), payload)));
      }
      for (int i = 0; i < sent.size(); i++) {
        assertThat(echoed.get(i).get()).as("connection %d", i).isEqualTo(sent.get(i));
      }
      assertThat(forward.errors()).isEmpty();
    }
  }

  /** The local side reads slowly, so the pod's messages wait for it (the WebSocket's flow control). */
  @Test
  void sixteenMebibytesFromThePodReachASlowLocalReaderIntactAndThePodsCloseEndsTheConnection() throws Exception {
    byte[] payload = randomBytes(16 * MIB, 7);
    threads.execute(() -> {
      try (Socket socket = pod.accept()) {
        socket.getOutputStream().write(payload);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });

    try (PodPortForwarder forward = PodPortForwarder.open(client, NS, "server", pod.getLocalPort());
        Socket socket = new Socket("127.0.0.1", forward.localPort())) {
      assertThat(slowDigest(socket.getInputStream(), payload.length)).isEqualTo(sha256(payload));
      assertThat(socket.getInputStream().read()).as("the pod's close ends the local connection").isEqualTo(-1);
      assertThat(forward.errors()).isEmpty();
    }
  }

  @Test
  void aPortNothingListensOnGivesTheKubeletsErrorAndClosesTheConnection() throws Exception {
    int closedPort = pod.getLocalPort();
    pod.close();

    try (PodPortForwarder forward = PodPortForwarder.open(client, NS, "server", closedPort);
        Socket socket = new Socket("127.0.0.1", forward.localPort())) {
      assertThat(socket.getInputStream().read()).as("the local connection is closed").isEqualTo(-1);

      assertThat(forward.errors()).singleElement().satisfies(error -> assertThat(error)
          .startsWith("error forwarding port " + closedPort + " to pod " + NS + "/server, uid ")
          .endsWith("connect: connection refused"));
    }
  }

  @Test
  void aPodThatDoesNotExistIsTheApiServersRefusal() throws Exception {
    try (PodPortForwarder forward = PodPortForwarder.open(client, NS, "missing", pod.getLocalPort());
        Socket socket = new Socket("127.0.0.1", forward.localPort())) {
      assertThat(socket.getInputStream().read()).as("the local connection is closed").isEqualTo(-1);

      assertThat(forward.errors()).singleElement().satisfies(error -> assertThat(error)
          .startsWith("the API server refused the port-forward to pod " + NS + "/missing port " + pod.getLocalPort())
          .endsWith(": HTTP 404"));
    }
  }

  @Test
  void closingTheForwarderClosesItsConnectionsBothWays() throws Exception {
    Future<Integer> podReadAfterTheLine = threads.submit(() -> {
      try (Socket socket = pod.accept()) {
        InputStream in = socket.getInputStream();
        byte[] line = in.readNBytes(5);
        socket.getOutputStream().write(line);
        return in.read();
      }
    });
    PodPortForwarder forward = PodPortForwarder.open(client, NS, "server", pod.getLocalPort());
    try (Socket socket = new Socket("127.0.0.1", forward.localPort())) {
      socket.getOutputStream().write("ping\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(socket.getInputStream().readNBytes(5)).asString(StandardCharsets.US_ASCII).isEqualTo("ping\n");

      forward.close();

      assertThat(socket.getInputStream().read()).as("the local connection is closed").isEqualTo(-1);
      assertThat(podReadAfterTheLine.get()).as("the pod's connection is closed").isEqualTo(-1);
    }
    try (Socket refused = new Socket()) {
      assertThat(connects(refused, forward.localPort())).as("the local port is closed").isFalse();
    }
  }

  private static boolean connects(Socket socket, int port) {
    try {
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Reads {@code length} bytes 64 KiB at a time with a pause after each read, and digests them. */
  private static byte[] slowDigest(InputStream in, int length) throws IOException, InterruptedException {
    MessageDigest digest = sha256();
    byte[] buffer = new byte[64 * 1024];
    int left = length;
    while (left > 0) {
      int read = in.read(buffer, 0, Math.min(buffer.length, left));
      if (read < 0) {
        throw new IOException("the connection ended " + left + " bytes short");
      }
      digest.update(buffer, 0, read);
      left -= read;
      Thread.sleep(1);
    }
    return digest.digest();
  }

  /** Writes the payload from one thread while reading its echo on this one. */
  private byte[] echoed(int port, byte[] payload) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      Future<?> writing = threads.submit(() -> {
        socket.getOutputStream().write(payload);
        return null;
      });
      byte[] echoed = socket.getInputStream().readNBytes(payload.length);
      writing.get();
      return echoed;
    }
  }

  /** The pod's listener: echoes what each connection sends. */
  private void echoEveryConnection() {
    while (!pod.isClosed()) {
      try {
        Socket socket = pod.accept();
        threads.execute(() -> {
          try (socket) {
            socket.getInputStream().transferTo(socket.getOutputStream());
          } catch (IOException e) {
            // The forward closed the connection.
          }
        });
      } catch (IOException e) {
        return;
      }
    }
  }

  private void runningPod(String name) {
    Pod created = api.client().pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
        .withNamespace(NS).endMetadata().withNewSpec().withNodeName("local-node").addNewContainer().withName("c")
        .withImage("apache/spark:4.1.1").endContainer().endSpec().build()).create();
    created.getStatus().setPhase("Running");
    created.getStatus().setPodIP("127.0.0.1");
    api.client().pods().inNamespace(NS).resource(created).updateStatus();
  }

  private static byte[] randomBytes(int size, long seed) {
    byte[] bytes = new byte[size];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }

  private static byte[] sha256(byte[] bytes) {
    return sha256().digest(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
