package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.network.PolicyTraffic;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * networkPolicy: every Spark pod of the release (executor and operator-created pods included) is selected for
 * ingress and egress; clients reach the Connect and History Server ports they are given; egress reaches DNS, the API
 * server where a driver creates pods, and the S3 endpoint's port. Whether Spark's own traffic passes is the policy
 * rule spark/network-policy-allows-spark-traffic, run on every render of the matrix.
 */
class NetworkPoliciesTest {

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void everySparkPodIsSelectedAndReachesWhatItNeeds(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, Map.of("networkPolicy.enabled", true,
        "spark.historyServer.enabled", true, "spark.eventLog.enabled", true, "spark.eventLog.existingClaim", "events"));
    List<NetworkPolicy> policies = pods.view().release().objects(NetworkPolicy.class);
    assertThat(policies).extracting(p -> p.getMetadata().getName()).containsExactlyInAnyOrder(
        ReleaseView.FULLNAME + "-spark", ReleaseView.FULLNAME + "-connect-clients",
        ReleaseView.FULLNAME + "-history-clients");
    List<PodSite> sites = new Manifests(pods.view().release().objects()).podSites().stream()
        .filter(s -> s.labels().containsKey(ChartLabels.COMPONENT)).toList();
    assertThat(sites).extracting(s -> s.labels().get(ChartLabels.COMPONENT)).contains("connect", "history")
        .contains(backend.equals("standalone") ? "worker" : "executor");
    for (PodSite site : sites) {
      assertThat(PolicyTraffic.selecting(policies, site, true)).as("ingress policies of " + site.resource()).isNotEmpty();
      assertThat(PolicyTraffic.selecting(policies, site, false)).as("egress policies of " + site.resource()).isNotEmpty();
    }
    List<Integer> apiServer = egressPorts(policies).stream().filter(p -> p == 443 || p == 6443).toList();
    assertThat(apiServer).as("egress to the API server").isEqualTo(backend.equals("standalone") ? List.of()
        : List.of(443, 6443));
    assertThat(egressPorts(policies)).as("DNS").contains(53);
  }

  @Test
  void offByDefaultAndOnInTheProductionPreset() {
    assertThat(ChartFixture.render().objects(NetworkPolicy.class)).isEmpty();
    assertThat(ChartFixture.render(ChartFixture.request().preset("production").build()).objects(NetworkPolicy.class))
        .isNotEmpty();
  }

  @Test
  void clientsReachTheConnectPortFromWhereTheValuesSayAndS3ItsEndpointsPort() {
    Map<String, Object> notebooks = Map.of("namespaceSelector",
        Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "notebooks")));
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1", Map.of("networkPolicy.enabled", true,
        "networkPolicy.connectClients", List.of(notebooks), "spark.s3.enabled", true,
        "spark.image.repository", ValuesContext.S3A_IMAGE, "spark.s3.endpoint", "http://minio.storage:9000"));
    NetworkPolicy clients = pods.view().get(NetworkPolicy.class, "NetworkPolicy", ReleaseView.FULLNAME + "-connect-clients");
    assertThat(clients.getSpec().getIngress()).singleElement().satisfies(rule -> {
      assertThat(rule.getFrom()).singleElement().satisfies(peer -> assertThat(
          peer.getNamespaceSelector().getMatchLabels()).containsEntry("kubernetes.io/metadata.name", "notebooks"));
      assertThat(rule.getPorts()).extracting(p -> p.getPort().getStrVal()).containsExactly("grpc", "ui");
    });
    assertThat(egressPorts(pods.view().release().objects(NetworkPolicy.class))).contains(9000);

    for (Map.Entry<String, Integer> endpoint : Map.of("https://s3.example.com", 443, "", 443,
        "http://minio:80/", 80).entrySet()) {
      JobPods s3 = JobPods.render(dir, "kubernetes", "4.1", Map.of("networkPolicy.enabled", true,
          "spark.s3.enabled", true, "spark.image.repository", ValuesContext.S3A_IMAGE, "spark.s3.endpoint",
          endpoint.getKey()));
      NetworkPolicy spark = s3.view().get(NetworkPolicy.class, "NetworkPolicy", ReleaseView.FULLNAME + "-spark");
      assertThat(spark.getSpec().getEgress().get(spark.getSpec().getEgress().size() - 1).getPorts())
          .as(endpoint.getKey()).singleElement().satisfies(p -> assertThat(p.getPort().getIntVal())
              .isEqualTo(endpoint.getValue()));
    }
  }

  private static List<Integer> egressPorts(List<NetworkPolicy> policies) {
    return policies.stream().flatMap(p -> p.getSpec().getEgress() == null ? Stream.<NetworkPolicyEgressRule>empty()
            : p.getSpec().getEgress().stream())
        .flatMap(r -> r.getPorts() == null ? Stream.empty() : r.getPorts().stream())
        .map(p -> p.getPort() == null ? null : p.getPort().getIntVal()).filter(Objects::nonNull).distinct().toList();
  }
}
