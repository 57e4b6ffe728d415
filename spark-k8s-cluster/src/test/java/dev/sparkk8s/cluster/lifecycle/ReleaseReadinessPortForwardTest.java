package dev.sparkk8s.cluster.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.kube.MockKubernetesApi;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodConditionBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up}'s wait reaches the release's ready Connect server pod through a port-forward of the mock API (which relays
 * to the pod's IP, here a listener of the test's): the first query is given the forward's local URL and its answer
 * comes from the pod's port. The query itself needs a Connect server (Spark), so a line round trip stands for it here.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReleaseReadinessPortForwardTest {

  private static final String NS = "spark";
  private static final String RELEASE = "spark";

  @TempDir
  Path tmp;

  private final MockKubernetesApi api = new MockKubernetesApi();
  private final List<String> progress = new CopyOnWriteArrayList<>();
  private KubernetesClient client;
  private HelmRelease release;

  @BeforeEach
  void setUp() throws IOException {
    client = api.kubeconfigClient(tmp.resolve("kubeconfig"), NS);
    release = new HelmRelease(ChartRenderer.bundled(), Files.readString(tmp.resolve("kubeconfig")), NS, RELEASE);
  }

  @AfterEach
  void tearDown() {
    client.close();
    api.close();
  }

  @Test
  void theFirstQueryReachesTheReadyConnectPodsPortThroughTheForward() throws Exception {
    try (ServerSocket connectPort = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      Thread server = answering(connectPort);
      readyConnectPod("spark-connect-0");

      boolean ready = ReleaseReadiness.await(client, release, connectPort.getLocalPort(), Duration.ofSeconds(30),
          progress::add, ReleaseReadinessPortForwardTest::lineRoundTrip);

      assertThat(ready).isTrue();
      assertThat(progress).containsExactly("Connect server pod spark-connect-0 is ready; asking it a first query");
      server.join();
    }
  }

  @Test
  void aConnectPortNothingListensOnIsNotReadyWithWhatTheQuerySaw() throws IOException {
    int closedPort;
    try (ServerSocket unused = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = unused.getLocalPort();
    }
    readyConnectPod("spark-connect-0");

    boolean ready = ReleaseReadiness.await(client, release, closedPort, Duration.ofSeconds(1), progress::add,
        ReleaseReadinessPortForwardTest::lineRoundTrip);

    assertThat(ready).isFalse();
    assertThat(progress).contains("Connect server pod spark-connect-0 is ready; asking it a first query")
        .contains("  not yet: the connection through the port-forward closed before an answer")
        .anySatisfy(line -> assertThat(line).startsWith("  port-forward: error forwarding port " + closedPort
            + " to pod " + NS + "/spark-connect-0, uid ").endsWith("connect: connection refused"));
  }

  /** Answers one line on one connection, as the pod's server. */
  private static Thread answering(ServerSocket listener) {
    Thread thread = new Thread(() -> {
      try (Socket socket = listener.accept();
          BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
          PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
        out.println("answer to " + in.readLine());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
    thread.start();
    return thread;
  }

  /** The test's first query: a line to the server at the URL, its answer expected back. */
  private static void lineRoundTrip(String connectUrl) {
    URI url = URI.create(connectUrl.replaceFirst("^sc://", "tcp://"));
    assertThat(url.getHost()).isEqualTo("127.0.0.1");
    try (Socket socket = new Socket(url.getHost(), url.getPort());
        BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.UTF_8)) {
      out.println("SELECT 1");
      String answer = in.readLine();
      if (answer == null) {
        throw new IOException("end of stream");
      }
      assertThat(answer).isEqualTo("answer to SELECT 1");
    } catch (IOException e) {
      // Closed or reset (the forward closes a connection whose data it did not read): no answer either way.
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "the connection through the port-forward closed before an "
          + "answer", e);
    }
  }

  private void readyConnectPod(String name) {
    Pod pod = api.client().pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName(name)
        .withNamespace(NS).addToLabels(ChartLabels.INSTANCE, RELEASE)
        .addToLabels(ChartLabels.COMPONENT, Component.CONNECT.label()).endMetadata()
        .withNewSpec().withNodeName("node-1").addNewContainer().withName("connect").withImage("apache/spark:4.1.1")
        .endContainer().endSpec().build()).create();
    pod.getStatus().setPhase("Running");
    pod.getStatus().setPodIP("127.0.0.1");
    pod.getStatus().setConditions(List.of(new PodConditionBuilder().withType("Ready").withStatus("True").build()));
    api.client().pods().inNamespace(NS).resource(pod).updateStatus();
  }
}
