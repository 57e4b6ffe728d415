package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code up --local} refuses what it cannot do with one line naming the problem and exit code 2. */
class UpBadInputTest {

  @Test
  void unknownSparkVersion(@TempDir Path runDir) {
    Cli.Result r = Cli.run("up", "--local", "--spark", "3.4", "--run-dir", runDir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: --spark 3.4: not a supported Spark line; use 3.5 or 4.1");
  }

  @Test
  void connectPortAskedForButTaken(@TempDir Path runDir) throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Cli.Result r = Cli.run("up", "--local", "--connect-port", String.valueOf(port), "--run-dir", runDir.toString());
      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).contains("--connect-port " + port + ": the port is in use");
    }
    assertThat(runDir.resolve("state.json")).doesNotExist();
  }

  @Test
  void anImagesClassDataArchive(@TempDir Path runDir) {
    Cli.Result r = Cli.run("up", "--local", "--set", "spark.image.classDataArchive=/opt/spark/cds/spark.jsa",
        "--run-dir", runDir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: spark.image.classDataArchive: up --local runs the local Spark home, "
        + "which has its own class-data archive (made by the first up); leave it empty here "
        + "(--set spark.image.classDataArchive=)\n");
    assertThat(runDir.resolve("state.json")).doesNotExist();
  }

  @Test
  void notEnoughMemoryForTheWorkers(@TempDir Path runDir) {
    Cli.Result r = Cli.run("up", "--local", "--workers", "200", "--run-dir", runDir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: not enough memory: the platform needs")
        .contains("worker-200", "use fewer --workers");
    assertThat(r.err().lines()).hasSize(1);
  }

  @Test
  void aTlsCertificateWithoutAuthOrWithoutItsKeyOrWithAnotherKey(@TempDir Path runDir) throws IOException {
    Path cert = Files.writeString(runDir.resolve("tls.crt"), "-----BEGIN CERTIFICATE-----\n");
    Cli.Result noAuth = Cli.run("up", "--local", "--tls-cert", cert.toString(), "--tls-key", cert.toString(),
        "--run-dir", runDir.toString());
    assertThat(noAuth.exitCode()).as(noAuth.toString()).isEqualTo(2);
    assertThat(noAuth.err()).isEqualTo("spark-k8s: --tls-cert " + cert + ": the certificate of the Connect server's "
        + "TLS proxy, which only --auth starts\n");

    Cli.Result noKey = Cli.run("up", "--local", "--auth", "--tls-cert", cert.toString(), "--run-dir", runDir.toString());
    assertThat(noKey.exitCode()).as(noKey.toString()).isEqualTo(2);
    assertThat(noKey.err()).isEqualTo("spark-k8s: --tls-cert and --tls-key go together: give both or neither\n");

    Path other = Files.writeString(runDir.resolve("other.key"), "not a key\n");
    Cli.Result anotherKey = Cli.run("up", "--local", "--auth", "--tls-cert", cert.toString(), "--tls-key",
        other.toString(), "--run-dir", runDir.toString());
    assertThat(anotherKey.exitCode()).as(anotherKey.toString()).isEqualTo(2);
    assertThat(anotherKey.err().lines()).singleElement().asString().startsWith("spark-k8s: --tls-cert " + cert + ": ");
    assertThat(runDir.resolve("state.json")).doesNotExist();
  }

  @Test
  void alreadyUpSaysSoWithItsUrl(@TempDir Path runDir) throws IOException {
    long alivePid = ProcessHandle.current().pid();
    Files.writeString(runDir.resolve("state.json"), """
        {"sparkVersion":"4.1","runDir":"%s","started":"2026-01-01T00:00:00Z","connectUrl":"sc://127.0.0.1:15999",
         "masterUrl":null,"masterWebUrl":null,"historyUrl":null,
         "processes":[{"name":"connect","role":"connect","pid":%d,"ports":{},"url":null,"log":"%s"}]}
        """.formatted(runDir.toUri(), alivePid, runDir.resolve("x.log").toUri()));
    Cli.Result r = Cli.run("up", "--local", "--run-dir", runDir.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err()).contains("a local platform is already up at sc://127.0.0.1:15999");
  }

  @Test
  void statusAndDownWithNothingRunning(@TempDir Path runDir) {
    Cli.Result status = Cli.run("status", "--local", "--run-dir", runDir.toString());
    assertThat(status.exitCode()).isEqualTo(1);
    assertThat(status.err()).contains("no local platform at");
    Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
    assertThat(down.exitCode()).isZero();
    assertThat(down.out()).contains("nothing was running");
  }

  @Test
  void upWithoutLocalIsForAClusterAndAKubeconfigThatIsNotThereIsOneLine(@TempDir Path runDir) {
    Path missing = runDir.resolve("no-kubeconfig");
    Cli.Result r = Cli.run("up", "--kubeconfig", missing.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("spark-k8s: --kubeconfig " + missing + ": cannot read it (NoSuchFileException: "
        + missing + ")\n");
  }
}
