package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code e2e} without a cluster: skipped, or a clear usage error. */
class E2eCommandTest {

  @Test
  void withoutAKubeconfigItIsSkipped() {
    Cli.Result r = Cli.run("e2e");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).startsWith("e2e: skipped: no --kubeconfig given");
  }

  @Test
  void aMissingKubeconfigIsAUsageErrorNamingIt() {
    Cli.Result r = Cli.run("e2e", "--kubeconfig", "/nonexistent/kubeconfig");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).startsWith("spark-k8s: --kubeconfig /nonexistent/kubeconfig: no such readable file");
    assertThat(r.err().lines()).hasSize(1);
  }
}
