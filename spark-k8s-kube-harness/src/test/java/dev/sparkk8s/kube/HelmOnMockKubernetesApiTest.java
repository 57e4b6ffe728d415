package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Helm's own code (helm-java) installs, lists, upgrades and uninstalls a release of the chart on the mock API. */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class HelmOnMockKubernetesApiTest {

  private static final String NS = "spark";

  @TempDir
  Path tmp;

  @Test
  void helmInstallsListsUpgradesAndUninstallsTheChart() throws IOException {
    try (MockKubernetesApi api = new MockKubernetesApi(); ControllerManager controllers = new ControllerManager(api.client())) {
      KubernetesClient client = api.client();
      client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build())
          .create();
      Path kubeconfig = Files.writeString(tmp.resolve("kubeconfig"), api.kubeconfig(NS));
      Helm chart = new Helm(Charts.chartDir());

      Release installed = chart.install().withName("spark").withNamespace(NS).withKubeConfig(kubeconfig).atomic()
          .withTimeout(60).call();

      assertThat(installed.getStatus()).isEqualTo("deployed");
      Secret record = client.secrets().inNamespace(NS).withName("sh.helm.release.v1.spark.v1").get();
      assertThat(record.getType()).isEqualTo("helm.sh/release.v1");
      assertThat(record.getMetadata().getLabels()).containsEntry("owner", "helm").containsEntry("status", "deployed");
      assertThat(client.apps().deployments().inNamespace(NS).withName("spark-spark-k8s-connect").get()).isNotNull();
      assertThat(Helm.list().withNamespace(NS).withKubeConfig(kubeconfig).call())
          .extracting(Release::getName, Release::getRevision, Release::getStatus)
          .containsExactly(tuple("spark", "1", "deployed"));

      Release upgraded = chart.upgrade().withName("spark").withNamespace(NS).withKubeConfig(kubeconfig).atomic().withTimeout(60)
          .reuseValues().set("spark.connect.mode.k8s.backend", "standalone").call();

      assertThat(upgraded.getRevision()).isEqualTo("2");
      assertThat(client.apps().statefulSets().inNamespace(NS).list().getItems())
          .extracting(s -> s.getMetadata().getName())
          .containsExactlyInAnyOrder("spark-spark-k8s-master", "spark-spark-k8s-worker");
      Deployment server = client.apps().deployments().inNamespace(NS).withName("spark-spark-k8s-connect").get();
      assertThat(server.getSpec().getTemplate().getSpec().getVolumes()).extracting(v -> v.getName())
          .doesNotContain("executor-pod-template");
      assertThat(client.configMaps().inNamespace(NS).withName("spark-spark-k8s-executor-pod-template").get()).isNull();

      Helm.uninstall("spark").withNamespace(NS).withKubeConfig(kubeconfig).call();

      assertThat(Helm.list().withNamespace(NS).withKubeConfig(kubeconfig).call()).isEmpty();
      assertThat(client.secrets().inNamespace(NS).list().getItems()).isEmpty();
      assertThat(client.apps().deployments().inNamespace(NS).list().getItems()).isEmpty();
      assertThat(client.apps().statefulSets().inNamespace(NS).list().getItems()).isEmpty();
      assertThat(client.configMaps().inNamespace(NS).list().getItems()).isEmpty();
    }
  }
}
