package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every cluster command treats an API server that does not answer as a wrong address: one line, exit code 2. */
class ClusterCommandsUnreachableApiTest {

  @TempDir
  Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"up --yes --no-wait", "status", "down", "doctor", "jobs list", "jobs status nightly-1",
      "jobs kill nightly-*", "jobs logs nightly-1", "jobs submit --name nightly local:///opt/app/job.jar"})
  @Timeout(value = 2, unit = TimeUnit.MINUTES)
  void anApiServerThatDoesNotAnswerIsOneLineWithExitCode2(String command) throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters: [{name: gone, cluster: {server: "http://127.0.0.1:%d"}}]
        users: [{name: gone, user: {token: not-a-secret}}]
        contexts: [{name: gone, context: {cluster: gone, user: gone, namespace: spark}}]
        current-context: gone
        """.formatted(port));
    List<String> args = new ArrayList<>(List.of(command.split(" ")));
    args.addAll(List.of("--kubeconfig", kubeconfig.toString()));

    Cli.Result r = Cli.run(args.toArray(String[]::new));

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).as(r.toString()).startsWith("spark-k8s: ").contains("127.0.0.1:" + port).endsWith("\n");
    assertThat(r.err().lines()).as(r.toString()).hasSize(1);
  }
}
