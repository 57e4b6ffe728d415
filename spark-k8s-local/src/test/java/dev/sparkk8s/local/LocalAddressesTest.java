package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Only addresses change: Service names with their ports, mounted paths, the wildcard address. */
class LocalAddressesTest {

  @TempDir
  Path runDir;

  private final ChartContainer connect = TestPods.connect();

  private LocalAddresses addresses() {
    return TestPods.addresses(connect, runDir, Map.of("https://kubernetes.default.svc", "http://127.0.0.1:6443"));
  }

  @Test
  void aServiceAddressBecomesLoopbackWithTheLocalPortOfItsTarget() {
    LocalAddresses a = addresses();

    assertThat(a.text(connect, "sc://local-spark-k8s-connect:15002")).isEqualTo("sc://127.0.0.1:40002");
    assertThat(a.text(connect, "local-spark-k8s-connect.default.svc.cluster.local:15002,local-spark-k8s-connect.default:15002"))
        .isEqualTo("127.0.0.1:40002,127.0.0.1:40002");
    assertThat(a.text(connect, "http://local-spark-k8s-connect/path")).isEqualTo("http://127.0.0.1/path");
  }

  @Test
  void aNameThatOnlyEqualsAServiceOrLivesInAnotherNamespaceStays() {
    LocalAddresses a = addresses();

    assertThat(a.text(connect, "local-spark-k8s-connect")).isEqualTo("local-spark-k8s-connect");
    assertThat(a.text(connect, "local-spark-k8s-connect.other:15002")).isEqualTo("local-spark-k8s-connect.other:15002");
    assertThat(a.text(connect, "my-local-spark-k8s-connect:15002")).isEqualTo("my-local-spark-k8s-connect:15002");
  }

  @Test
  void mountedPathsBecomeDirectoriesOfTheRunAndWholeSegmentsOnly() {
    LocalAddresses a = addresses();
    Path workDir = runDir.resolve("instances/connect/work-dir");

    assertThat(a.mounts(connect)).containsEntry("/opt/spark/work-dir", workDir)
        .containsEntry("/opt/spark/conf", runDir.resolve("instances/connect/conf"));
    assertThat(a.text(connect, "-Dspark.local.dir=/opt/spark/work-dir/tmp -Dx=file:///opt/spark/conf"))
        .isEqualTo("-Dspark.local.dir=" + workDir + "/tmp -Dx=file://" + runDir.resolve("instances/connect/conf"));
    assertThat(a.text(connect, "/opt/spark/work-dirs")).isEqualTo("/opt/spark/work-dirs");
  }

  @Test
  void theWildcardAddressAndGivenEndpointsBecomeLocal() {
    LocalAddresses a = addresses();

    assertThat(a.text(connect, "0.0.0.0")).isEqualTo("127.0.0.1");
    assertThat(a.text(connect, "k8s://https://kubernetes.default.svc")).isEqualTo("k8s://http://127.0.0.1:6443");
  }

  @Test
  void thePodsOwnAddressesWithItsPortsBecomeLoopbackWithTheLocalPorts() {
    LocalAddresses a = addresses();

    assertThat(a.text(connect, "grpc_pass grpc://127.0.0.1:15002;")).as("a sidecar reaching the server")
        .isEqualTo("grpc_pass grpc://127.0.0.1:40002;");
    assertThat(a.text(connect, "listen 0.0.0.0:4040 ssl;")).isEqualTo("listen 127.0.0.1:40040 ssl;");
    assertThat(a.text(connect, "localhost:15002")).isEqualTo("127.0.0.1:40002");
    assertThat(a.text(connect, "127.0.0.1:7077")).as("not a port of the pod").isEqualTo("127.0.0.1:7077");
    assertThat(a.text(connect, "10.127.0.0.1:15002")).as("another address").isEqualTo("10.127.0.0.1:15002");
  }

  @Test
  void aBareDeclaredPortIsLocalInArgumentsAndPortKeysOnly() {
    LocalAddresses a = addresses();

    assertThat(a.arg(connect, "15002")).isEqualTo("40002");
    assertThat(a.arg(connect, "7077")).as("not declared").isEqualTo("7077");
    assertThat(a.confValue(connect, "spark.ui.port", "4040")).isEqualTo("40040");
    assertThat(a.confValue(connect, "spark.sql.shuffle.partitions", "4040")).isEqualTo("4040");
    assertThat(a.confValue(connect, "spark.authenticate.secret.driver.file", "/opt/spark/work-dir/secret"))
        .isEqualTo(runDir.resolve("instances/connect/work-dir/secret").toString());
    assertThat(a.confValue(connect, "spark.authenticate.secret.executor.file", "/opt/spark/work-dir/secret"))
        .as("read in the executor pods, each with its own mount").isEqualTo("/opt/spark/work-dir/secret");
    assertThat(a.port(connect, "grpc")).isEqualTo(40002);
  }

  @Test
  void anUndeclaredPortIsAnError() {
    assertThatThrownBy(() -> addresses().port(connect, "metrics"))
        .isInstanceOf(LocalRuntimeException.class).hasMessage("connect has no port named metrics");
  }
}
