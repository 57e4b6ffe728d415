package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;

/** The seccomp profile types set on a pod and on its containers (null when unset). */
final class Seccomp {

  private Seccomp() {
  }

  static String podType(PodSite site) {
    return site.podSecurity().map(s -> s.getSeccompProfile()).map(p -> p.getType()).orElse(null);
  }

  static String containerType(ContainerSite c) {
    return c.security().map(s -> s.getSeccompProfile()).map(p -> p.getType()).orElse(null);
  }
}
