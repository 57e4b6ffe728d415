package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.SELinuxOptions;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

/** Baseline allows only the container SELinux types and forbids setting an SELinux user or role. */
public final class SeLinux extends PodRule {

  public static final String ID = "pss-baseline/selinux";
  private static final Set<String> ALLOWED_TYPES =
      Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");

  @Override
  protected void check(PodSite site, List<Finding> out) {
    check(site.podSecurity().map(s -> s.getSeLinuxOptions()).orElse(null),
        (field, message) -> site.onPod(ID, field, message, fix(field)), out);
    for (ContainerSite c : site.containers()) {
      check(c.security().map(s -> s.getSeLinuxOptions()).orElse(null),
          (field, message) -> site.onContainer(ID, c, field, message, fix(field)), out);
    }
  }

  private static void check(SELinuxOptions options, BiFunction<String, String, Finding> finding, List<Finding> out) {
    if (options == null) {
      return;
    }
    String prefix = "securityContext.seLinuxOptions.";
    if (options.getType() != null && !ALLOWED_TYPES.contains(options.getType())) {
      out.add(finding.apply(prefix + "type", "SELinux type is " + options.getType()));
    }
    if (options.getUser() != null && !options.getUser().isEmpty()) {
      out.add(finding.apply(prefix + "user", "SELinux user is " + options.getUser()));
    }
    if (options.getRole() != null && !options.getRole().isEmpty()) {
      out.add(finding.apply(prefix + "role", "SELinux role is " + options.getRole()));
    }
  }

  private static String fix(String field) {
    return field.endsWith("type")
        ? "remove seLinuxOptions.type, or use container_t"
        : "remove " + field.substring(field.lastIndexOf('.') + 1) + " from seLinuxOptions";
  }
}
