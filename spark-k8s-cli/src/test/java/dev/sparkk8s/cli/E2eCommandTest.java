package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.sparkk8s.kube.ControllerManager;
import dev.sparkk8s.kube.MockKubernetesApi;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code e2e} without a cluster: skipped, or a clear usage error; and on the mock API (no Spark runs there): it installs
 * its release as {@code up} does, waits for an answer that cannot come, reports up's failure and removes the release
 * as {@code down} does, or keeps it with {@code --keep}. The checks on a ready release need Spark behind it.
 */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class E2eCommandTest {

  private static final String NS = "e2e";

  @TempDir
  Path tmp;

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

  @Test
  void aReleaseThatDoesNotGetReadyFailsUpAndIsRemovedAsDownRemovesIt() throws IOException {
    try (MockKubernetesApi api = new MockKubernetesApi(); ControllerManager controllers = new ControllerManager(api.client())) {
      Path kubeconfig = namespaceOn(api);

      Cli.Result r = Cli.run("e2e", "--kubeconfig", kubeconfig.toString(), "-n", NS, "--timeout", "PT15S");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
      assertThat(r.out()).contains("installing release spark-e2e in namespace e2e (Helm, atomic")
          .contains("Helm: release spark-e2e revision 1 deployed")
          .contains("waiting for the Connect server pod to be ready")
          .contains("not ready within 15 s; what the doctor finds:")
          .contains("removed Helm release spark-e2e (revision 1) and its objects")
          .endsWith("e2e: 1 problems\n");
      assertThat(r.err()).isEqualTo("spark-k8s: release spark-e2e did not end ready: up exited 1 (its output is "
          + "above)\n");
      assertThat(helmList(kubeconfig)).isEmpty();
      assertThat(api.client().configMaps().inNamespace(NS).withLabel(ChartLabels.INSTANCE, "spark-e2e").list()
          .getItems()).isEmpty();
    }
  }

  @Test
  void withKeepTheReleaseStaysAndTheNextRunUpgradesItWithoutAsking() throws IOException {
    try (MockKubernetesApi api = new MockKubernetesApi(); ControllerManager controllers = new ControllerManager(api.client())) {
      Path kubeconfig = namespaceOn(api);

      Cli.Result first = Cli.run("e2e", "--kubeconfig", kubeconfig.toString(), "-n", NS, "--timeout", "PT10S", "--keep");
      Cli.Result second = Cli.run("e2e", "--kubeconfig", kubeconfig.toString(), "-n", NS, "--timeout", "PT10S",
          "--keep", "--spark", "3.5");

      assertThat(first.exitCode()).as(first.toString()).isEqualTo(1);
      assertThat(first.out()).doesNotContain("removed ");
      assertThat(second.exitCode()).as(second.toString()).isEqualTo(1);
      assertThat(second.out()).contains("release spark-e2e revision 1: what the upgrade changes")
          .contains("/spec/template/spec/containers/0/image").contains("Helm: release spark-e2e revision 2 deployed")
          .doesNotContain("Upgrade? [y/N]");
      assertThat(helmList(kubeconfig)).extracting(Release::getName, Release::getRevision, Release::getStatus)
          .containsExactly(tuple("spark-e2e", "2", "deployed"));
    }
  }

  @Test
  void aNamespaceThatDoesNotExistIsOneLine() throws IOException {
    try (MockKubernetesApi api = new MockKubernetesApi()) {
      Path kubeconfig = api.writeKubeconfig(tmp.resolve("kubeconfig"), NS);

      Cli.Result r = Cli.run("e2e", "--kubeconfig", kubeconfig.toString(), "-n", "nowhere");

      assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
      assertThat(r.err()).isEqualTo("spark-k8s: namespace nowhere does not exist\n");
    }
  }

  private Path namespaceOn(MockKubernetesApi api) throws IOException {
    api.client().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
        .create();
    return api.writeKubeconfig(tmp.resolve("kubeconfig"), NS);
  }

  private static List<Release> helmList(Path kubeconfig) {
    return Helm.list().withNamespace(NS).withKubeConfig(kubeconfig).call();
  }
}
