package dev.sparkk8s.policy.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPortBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The compliant kubernetes-backend release (driver ports 7078 and 7079 fixed, executors' ports random) with a
 * policy that lets the release's pods in and out on every port, as the chart renders it; each test narrows it.
 */
class NetworkPolicyAllowsSparkTrafficTest {

  private static final String POLICY = "NetworkPolicy/demo-spark";
  private static final Map<String, String> RELEASE = Map.of("app.kubernetes.io/instance", "demo",
      "app.kubernetes.io/name", "spark-k8s");

  private final CompliantRelease release = new CompliantRelease();
  private final NetworkPolicy policy = new NetworkPolicyBuilder().withNewMetadata().withName("demo-spark")
      .withLabels(Labels.of("network")).endMetadata()
      .withNewSpec().withNewPodSelector().withMatchLabels(RELEASE).endPodSelector()
      .withPolicyTypes("Ingress", "Egress")
      .addNewIngress().addNewFrom().withNewPodSelector().withMatchLabels(RELEASE).endPodSelector().endFrom().endIngress()
      .addNewEgress().addNewTo().withNewPodSelector().withMatchLabels(RELEASE).endPodSelector().endTo().endEgress()
      .endSpec().build();

  NetworkPolicyAllowsSparkTrafficTest() {
    release.extra.add(policy);
  }

  @Test
  void theReleasesOwnPodsOnEveryPortPass() {
    assertThat(release.check()).isEmpty();
  }

  @Test
  void noPolicyNoFinding() {
    release.extra.remove(policy);

    assertThat(release.check()).isEmpty();
  }

  @Test
  void aPolicyWithoutTheDriversBlockManagerPort() {
    policy.getSpec().setIngress(List.of(fromRelease(7078)));

    List<Finding> findings = release.check();
    assertThat(findings).extracting(Finding::message)
        .anyMatch(m -> m.startsWith("lets no executor pod in to connect pods on port 7079: executors fetch the "
            + "driver's blocks and broadcasts (spark.driver.blockManager.port)"))
        .anyMatch(m -> m.startsWith("lets no executor pod in to executor pods on any port"))
        .noneMatch(m -> m.contains("port 7078"));
    assertThat(findings).allSatisfy(f -> {
      assertThat(f.rule()).isEqualTo(NetworkPolicyAllowsSparkTraffic.ID);
      assertThat(f.resource()).isEqualTo(POLICY);
      assertThat(f.field()).isEqualTo("spec.ingress");
    });
  }

  @Test
  void fixedPortsOnlyToExecutorsWhoseBlockManagersListenAtRandom() {
    policy.getSpec().setIngress(List.of(fromRelease(7078), fromRelease(7079)));

    assertThat(release.check()).extracting(Finding::rule, Finding::resource, Finding::field, Finding::message)
        .containsExactlyInAnyOrder(
            tuple(NetworkPolicyAllowsSparkTraffic.ID, POLICY, "spec.ingress", "lets no connect pod in to executor pods "
                + "on any port (Spark picks it at random): the driver fetches results and blocks from executors "
                + "(spark.blockManager.port)"),
            tuple(NetworkPolicyAllowsSparkTraffic.ID, POLICY, "spec.ingress", "lets no executor pod in to executor "
                + "pods on any port (Spark picks it at random): executors fetch each other's shuffle blocks "
                + "(spark.blockManager.port)"));
  }

  @Test
  void egressThatReachesOnlyDns() {
    policy.getSpec().getEgress().get(0).setTo(List.of());
    policy.getSpec().getEgress().get(0).setPorts(List.of(new NetworkPolicyPortBuilder().withProtocol("UDP")
        .withPort(new IntOrString(53)).build()));

    assertThat(release.check()).isNotEmpty().allSatisfy(f -> {
      assertThat(f.field()).isEqualTo("spec.egress");
      assertThat(f.message()).contains("lets no", "pod out to");
    });
  }

  private static NetworkPolicyIngressRule fromRelease(int port) {
    return new NetworkPolicyIngressRuleBuilder().addNewFrom().withNewPodSelector().withMatchLabels(RELEASE)
        .endPodSelector().endFrom().addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort().build();
  }
}
