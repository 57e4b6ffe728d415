package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.cluster.doctor.KubeletStatus;
import dev.sparkk8s.cluster.doctor.ReleaseOnMockApi;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark-k8s doctor} on a release in the mock API: its exit codes, its output, and each bad input in one line. */
class CliDoctorTest {

  @TempDir
  Path tmp;

  @Test
  void aHealthyReleaseExitsZero() throws IOException {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig(release.store(), "spark").toString());

      assertThat(r.exitCode()).as(r.toString()).isZero();
      assertThat(r.out()).isEqualTo("doctor: nothing wrong found in release spark in namespace spark\n");
      assertThat(r.err()).isEmpty();
    }
  }

  @Test
  void aFindingExitsOneWithItsLineAndTheSummary() throws IOException {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      KubeletStatus.waiting(release.pod(Component.EXECUTOR), ContainerNames.EXECUTOR, "ImagePullBackOff",
          "Back-off pulling image");
      Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig(release.store(), "spark").toString(),
          "--release", "spark", "-n", "spark");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out().lines()).hasSize(2);
      assertThat(r.out()).startsWith("image-pull: Pod/spark-spark-k8s-exec-1 container spark-executor: ")
          .contains(". Fix: set spark.image.repository")
          .endsWith("doctor: 1 finding in release spark in namespace spark\n");
    }
  }

  @Test
  void jsonHasEveryFieldOfEachFinding() throws IOException {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      KubeletStatus.waiting(release.pod(Component.EXECUTOR), ContainerNames.EXECUTOR, "ErrImagePull", "not found");
      Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig(release.store(), "spark").toString(),
          "--output", "json");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).contains("\"release\" : \"spark\"", "\"namespace\" : \"spark\"",
          "\"diagnosis\" : \"image-pull\"", "\"resource\" : \"Pod/spark-spark-k8s-exec-1\"",
          "\"container\" : \"spark-executor\"", "\"seen\" : ", "\"fix\" : ", "\"detail\" : [ ]", "\"notChecked\" : [ ]");
    }
  }

  @Test
  void theNamespaceDefaultsToTheContexts() throws IOException {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig(release.store(), "other").toString());

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("spark-k8s: namespace other does not exist\n");
    }
  }

  @Test
  void anUnknownReleaseIsOneLineNamingTheReleasesThere() throws IOException {
    try (ReleaseOnMockApi release = ReleaseOnMockApi.kubernetesBackend()) {
      Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig(release.store(), "spark").toString(),
          "--release", "etl");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("spark-k8s: no release etl in namespace spark (no object labelled "
          + "app.kubernetes.io/instance=etl); releases of the chart there: spark\n");
      assertThat(r.out()).isEmpty();
    }
  }

  @Test
  void anApiServerThatDoesNotAnswerIsOneLine() throws IOException {
    int port;
    try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = closed.getLocalPort();
    }
    Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig("http://127.0.0.1:" + port, "spark").toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: cannot reach the Kubernetes API server at http://127.0.0.1:" + port
        + "/: ConnectException\n");
  }

  @Test
  void aContextTheKubeconfigDoesNotHaveIsOneLineNamingItsContexts() throws IOException {
    Cli.Result r = Cli.run("doctor", "--kubeconfig", kubeconfig("http://127.0.0.1:1", "spark").toString(),
        "--context", "prod");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: --context prod: the kubeconfig " + tmp.resolve("kubeconfig")
        + " has no such context (it has: mock)\n");
  }

  @Test
  void aMissingKubeconfigIsOneLine() {
    Path missing = tmp.resolve("missing");
    Cli.Result r = Cli.run("doctor", "--kubeconfig", missing.toString());

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: --kubeconfig " + missing + ": cannot read it (NoSuchFileException: "
        + missing + ")\n");
  }

  @Test
  void anUnknownOutputFormatIsBadUsage() {
    Cli.Result r = Cli.run("doctor", "--output", "yaml");

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: Invalid value for option '--output': expected one of [text, json]");
  }

  /** A kubeconfig whose one context, {@code mock}, points at the server with the given default namespace. */
  private Path kubeconfig(String server, String namespace) throws IOException {
    return Files.writeString(tmp.resolve("kubeconfig"), """
        apiVersion: v1
        kind: Config
        clusters:
          - name: mock
            cluster: {server: "%s"}
        users:
          - name: mock
            user: {token: not-a-secret}
        contexts:
          - name: mock
            context: {cluster: mock, user: mock, namespace: %s}
        current-context: mock
        """.formatted(server, namespace));
  }
}
