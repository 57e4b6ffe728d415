package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.network.PolicyTraffic;
import dev.sparkk8s.policy.network.SparkFlow;
import dev.sparkk8s.policy.network.SparkFlows;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The release's NetworkPolicies let through every connection Spark makes between its pods (drivers and
 * executors both ways, Standalone master, workers and driver), on the ports the release fixes, and on every port
 * where Spark picks one at random. The field trap: a policy that opens the driver's port but not its block
 * manager's, or only fixed ports to executors, which a cluster enforces silently: executors hang or jobs fail.
 */
public final class NetworkPolicyAllowsSparkTraffic implements Rule {

  public static final String ID = "spark/network-policy-allows-spark-traffic";
  private static final String FIX = "let the release's own pods in (and out) on every port, as networkPolicy.enabled "
      + "renders it; Spark's executors and workers listen on ports it picks at random";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    List<NetworkPolicy> policies = manifests.all(NetworkPolicy.class);
    if (policies.isEmpty()) {
      return;
    }
    Map<String, List<PodSite>> byComponent = manifests.podSites().stream()
        .filter(site -> site.labels().containsKey(ChartLabels.COMPONENT))
        .collect(Collectors.groupingBy(site -> site.labels().get(ChartLabels.COMPONENT), LinkedHashMap::new,
            Collectors.toList()));
    Set<String> reported = new LinkedHashSet<>();
    for (SparkFlow flow : SparkFlows.of(byComponent.keySet(), driverConf(manifests), masterPort(byComponent))) {
      for (PodSite from : byComponent.getOrDefault(flow.from(), List.of())) {
        for (PodSite to : byComponent.getOrDefault(flow.to(), List.of())) {
          List<NetworkPolicy> in = PolicyTraffic.selecting(policies, to, true);
          if (!in.isEmpty() && !PolicyTraffic.admits(in, from, to, flow.port())) {
            report(out, reported, in.get(0), "spec.ingress", flow, "lets no " + flow.from() + " pod in");
          }
          List<NetworkPolicy> egress = PolicyTraffic.selecting(policies, from, false);
          if (!egress.isEmpty() && !PolicyTraffic.releases(egress, from, to, flow.port())) {
            report(out, reported, egress.get(0), "spec.egress", flow, "lets no " + flow.from() + " pod out");
          }
        }
      }
    }
  }

  private static void report(List<Finding> out, Set<String> reported, NetworkPolicy policy, String field, SparkFlow flow,
      String what) {
    String resource = Manifests.ref(policy);
    if (reported.add(resource + field + flow)) {
      out.add(new Finding(ID, resource, null, field, what + " to " + flow.to() + " pods on " + flow.portText()
          + ": " + flow.purpose(), FIX));
    }
  }

  private static Map<String, String> driverConf(Manifests manifests) {
    return SparkConfs.release(manifests).stream().findFirst()
        .or(() -> SparkConfs.applications(manifests).stream().findFirst())
        .map(SparkConf::values).orElse(Map.of());
  }

  private static Optional<Integer> masterPort(Map<String, List<PodSite>> byComponent) {
    return byComponent.getOrDefault("master", List.of()).stream()
        .flatMap(site -> site.containers().stream())
        .flatMap(c -> c.container().getPorts() == null ? java.util.stream.Stream.empty() : c.container().getPorts().stream())
        .filter(p -> PortNames.RPC.equals(p.getName())).map(p -> p.getContainerPort()).findFirst();
  }
}
