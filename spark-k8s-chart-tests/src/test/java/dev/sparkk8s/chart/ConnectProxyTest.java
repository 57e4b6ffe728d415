package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.ValuesException;
import dev.sparkk8s.render.contract.ContainerNames;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * security.connect: the Connect server's pod (the Deployment, or the operator's driver) carries an nginx proxy that
 * terminates TLS with the named Secret and checks the token of the other, which reaches nginx through the image's
 * template variables (no token in any ConfigMap); the Service's and the NetworkPolicy's client port is the proxy's;
 * on 4.1 the server binds the pod's loopback and checks the token itself, its probes run inside the container.
 */
class ConnectProxyTest {

  private static final String TOKEN_VARIABLE = "SPARK_CONNECT_AUTHENTICATE_TOKEN";
  private static final Map<String, Object> ON = Map.of("security.connect.enabled", true,
      "security.connect.tls.existingSecret", "connect-tls", "security.connect.token.existingSecret", "connect-token",
      "networkPolicy.enabled", true);

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void theProxyFrontsTheServerWithTlsAndTheToken(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, ON);
    PodSpec driver = pods.driver();
    assertThat(driver.getContainers()).extracting(Container::getName).hasSize(2).contains(ContainerNames.CONNECT_PROXY);
    Container proxy = container(driver, ContainerNames.CONNECT_PROXY);
    Container server = driver.getContainers().stream().filter(c -> c != proxy).findFirst().orElseThrow();

    assertThat(proxy.getImage()).startsWith("nginxinc/nginx-unprivileged:");
    assertThat(proxy.getPorts()).singleElement().satisfies(p -> {
      assertThat(p.getName()).isEqualTo(PortNames.GRPC_TLS);
      assertThat(p.getContainerPort()).isEqualTo(15443);
    });
    assertThat(tokenFrom(proxy)).isEqualTo("connect-token/token");
    assertThat(proxy.getVolumeMounts()).anySatisfy(m -> {
      assertThat(m.getMountPath()).isEqualTo("/etc/spark-k8s/connect-tls");
      assertThat(driver.getVolumes()).filteredOn(v -> v.getName().equals(m.getName())).singleElement()
          .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("connect-tls"));
    });
    assertThat(proxy.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();

    ConfigMap conf = pods.view().configMap("connect-proxy");
    String template = conf.getData().get("nginx.conf.template");
    assertThat(template).contains("listen 0.0.0.0:15443 ssl http2;", "grpc_pass grpc://127.0.0.1:15002;",
        "\"Bearer ${" + TOKEN_VARIABLE + "}\" 1;", "ssl_certificate /etc/spark-k8s/connect-tls/tls.crt;");

    Service service = pods.view().get(Service.class, "Service", ReleaseView.FULLNAME + "-connect");
    assertThat(service.getSpec().getPorts()).filteredOn(p -> p.getName().equals(PortNames.GRPC)).singleElement()
        .satisfies(p -> assertThat(p.getTargetPort().getIntVal()).as("the proxy's port").isEqualTo(15443));
    NetworkPolicy clients = pods.view().get(NetworkPolicy.class, "NetworkPolicy", ReleaseView.FULLNAME + "-connect-clients");
    assertThat(clients.getSpec().getIngress()).flatExtracting(r -> r.getPorts())
        .extracting(p -> p.getPort().getStrVal()).containsExactlyInAnyOrder(PortNames.GRPC_TLS, PortNames.UI);

    if (version.equals("4.1")) {
      assertThat(pods.conf()).containsEntry("spark.connect.grpc.binding.address", "127.0.0.1");
      assertThat(tokenFrom(server)).as("4.1's own check").isEqualTo("connect-token/token");
    } else {
      assertThat(pods.conf()).as("3.5 has no binding address").doesNotContainKey("spark.connect.grpc.binding.address");
      assertThat(server.getEnv()).extracting(EnvVar::getName).doesNotContain(TOKEN_VARIABLE);
    }
    if (!pods.operator()) {
      List<Probe> probes = List.of(server.getStartupProbe(), server.getLivenessProbe());
      assertThat(probes).allSatisfy(probe -> {
        if (version.equals("4.1")) {
          assertThat(probe.getExec().getCommand()).as("from inside the pod, to its loopback")
              .containsSequence("connect-port", "15002");
        } else {
          assertThat(probe.getTcpSocket().getPort().getStrVal()).isEqualTo(PortNames.GRPC);
        }
      });
    }
    assertThat(pods.view().release().objects()).filteredOn(ConfigMap.class::isInstance)
        .allSatisfy(cm -> assertThat(String.valueOf(((ConfigMap) cm).getData())).doesNotContain("connect-token/"));
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @Test
  void offByDefaultTheServerTakesClientsOnItsOwnPort() {
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1", Map.of());
    assertThat(pods.driver().getContainers()).hasSize(1);
    assertThat(pods.conf()).containsEntry("spark.connect.grpc.binding.address", "0.0.0.0");
    assertThat(pods.view().release().objects()).noneMatch(o -> o.getMetadata().getName().endsWith("-connect-proxy"));
  }

  @Test
  void theSecretsItNeedsAreNamedOrRefusedNamingTheKey() {
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("security.connect.enabled", true,
        "security.connect.token.existingSecret", "t")))
        .isInstanceOf(ValuesException.class).hasMessageContaining("security.connect.tls.existingSecret");
    assertThatThrownBy(() -> JobPods.render(dir, "standalone", "3.5", Map.of("security.connect.enabled", true,
        "security.connect.tls.existingSecret", "t")))
        .isInstanceOf(ValuesException.class).hasMessageContaining("security.connect.token.existingSecret");
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("security.connect.enabled", true,
        "security.connect.tls.existingSecret", "t", "security.connect.token.existingSecret", "k",
        "security.connect.proxy.port", 15002)))
        .isInstanceOf(ValuesException.class).hasMessageContaining("security.connect.proxy.port");
  }

  private static Container container(PodSpec pod, String name) {
    return pod.getContainers().stream().filter(c -> c.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no container " + name));
  }

  /** "secret/key" of the token variable. */
  private static String tokenFrom(Container c) {
    return c.getEnv().stream().filter(e -> e.getName().equals(TOKEN_VARIABLE)).findFirst()
        .map(e -> e.getValueFrom().getSecretKeyRef()).map(ref -> ref.getName() + "/" + ref.getKey()).orElse(null);
  }
}
