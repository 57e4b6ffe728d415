package dev.sparkk8s.kube;

import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.List;

/** Which recorded API requests a set of namespaced Roles does not allow. */
public final class RbacCheck {

  private RbacCheck() {
  }

  /** The requests no rule of the roles grants; a cluster-wide request is never granted by a Role. */
  public static List<ApiRequest> denied(List<ApiRequest> requests, List<Role> roles) {
    return requests.stream().filter(r -> !allowed(r, roles)).distinct().toList();
  }

  private static boolean allowed(ApiRequest r, List<Role> roles) {
    if (r.namespace() == null) {
      return false;
    }
    return roles.stream()
        .filter(role -> r.namespace().equals(role.getMetadata().getNamespace()))
        .flatMap(role -> role.getRules().stream())
        .anyMatch(rule -> grants(rule, r));
  }

  private static boolean grants(PolicyRule rule, ApiRequest r) {
    return matches(rule.getApiGroups(), r.group()) && matches(rule.getResources(), r.resource())
        && matches(rule.getVerbs(), r.verb());
  }

  private static boolean matches(List<String> granted, String wanted) {
    return granted != null && (granted.contains("*") || granted.contains(wanted));
  }
}
