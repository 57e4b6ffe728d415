package dev.sparkk8s.policy.network;

import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.LabelSelectors;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What NetworkPolicies of one namespace let through between two pods, as a network plugin enforces them: a pod
 * that policies select for a direction accepts (or opens) only what one of their rules allows; a pod none
 * selects is open. Peers are pods of the same namespace ({@code podSelector}, with no namespaceSelector, an empty
 * one, or one that names the namespace); ipBlocks never match a pod here.
 */
public final class PolicyTraffic {

  private static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

  private PolicyTraffic() {
  }

  /** The policies that select {@code pod} for ingress ({@code ingress} true) or egress. */
  public static List<NetworkPolicy> selecting(List<NetworkPolicy> policies, PodSite pod, boolean ingress) {
    return policies.stream().filter(p -> LabelSelectors.matches(p.getSpec().getPodSelector(), pod.labels()))
        .filter(p -> hasType(p, ingress)).toList();
  }

  /** Whether one of these policies (which select {@code to}) lets {@code from} in on {@code port} (null: any port). */
  public static boolean admits(List<NetworkPolicy> policies, PodSite from, PodSite to, Integer port) {
    return policies.stream().anyMatch(p -> nonNull(p.getSpec().getIngress()).stream()
        .anyMatch(rule -> peers(rule.getFrom(), from, p) && ports(rule.getPorts(), to, port)));
  }

  /** Whether one of these policies (which select {@code from}) lets it out to {@code to} on {@code port}. */
  public static boolean releases(List<NetworkPolicy> policies, PodSite from, PodSite to, Integer port) {
    return policies.stream().anyMatch(p -> nonNull(p.getSpec().getEgress()).stream()
        .anyMatch(rule -> peers(rule.getTo(), to, p) && ports(rule.getPorts(), to, port)));
  }

  private static boolean hasType(NetworkPolicy p, boolean ingress) {
    List<String> types = p.getSpec().getPolicyTypes();
    if (types == null || types.isEmpty()) {
      return ingress || p.getSpec().getEgress() != null;
    }
    return types.contains(ingress ? "Ingress" : "Egress");
  }

  private static boolean peers(List<NetworkPolicyPeer> peers, PodSite pod, NetworkPolicy policy) {
    return peers == null || peers.isEmpty() || peers.stream().anyMatch(peer -> peer(peer, pod, policy));
  }

  private static boolean peer(NetworkPolicyPeer peer, PodSite pod, NetworkPolicy policy) {
    if (peer.getIpBlock() != null || (peer.getPodSelector() == null && peer.getNamespaceSelector() == null)) {
      return false;
    }
    if (!ownNamespace(peer.getNamespaceSelector(), policy.getMetadata().getNamespace())) {
      return false;
    }
    return peer.getPodSelector() == null || LabelSelectors.matches(peer.getPodSelector(), pod.labels());
  }

  private static boolean ownNamespace(LabelSelector namespaces, String namespace) {
    if (namespaces == null) {
      return true;
    }
    boolean all = (namespaces.getMatchLabels() == null || namespaces.getMatchLabels().isEmpty())
        && (namespaces.getMatchExpressions() == null || namespaces.getMatchExpressions().isEmpty());
    return all || (namespace != null && LabelSelectors.matches(namespaces, Map.of(NAMESPACE_NAME, namespace)));
  }

  /** No ports: every port. A flow on any port passes only a rule that opens every port. */
  private static boolean ports(List<NetworkPolicyPort> ports, PodSite to, Integer port) {
    if (ports == null || ports.isEmpty()) {
      return true;
    }
    if (port == null) {
      return ports.stream().anyMatch(p -> tcp(p) && p.getPort() == null);
    }
    return ports.stream().filter(PolicyTraffic::tcp).anyMatch(p -> opens(p, to, port));
  }

  private static boolean tcp(NetworkPolicyPort p) {
    return p.getProtocol() == null || p.getProtocol().equals("TCP");
  }

  private static boolean opens(NetworkPolicyPort p, PodSite to, int port) {
    IntOrString value = p.getPort();
    if (value == null) {
      return true;
    }
    if (value.getIntVal() != null) {
      int first = value.getIntVal();
      int last = p.getEndPort() == null ? first : p.getEndPort();
      return port >= first && port <= last;
    }
    return to.containers().stream().flatMap(c -> nonNull(c.container().getPorts()).stream())
        .anyMatch(cp -> Objects.equals(cp.getName(), value.getStrVal()) && cp.getContainerPort() == port
            && (cp.getProtocol() == null || cp.getProtocol().equals("TCP")));
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
