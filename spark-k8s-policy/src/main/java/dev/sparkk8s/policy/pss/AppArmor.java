package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.AppArmorProfile;
import java.util.List;
import java.util.Set;

/**
 * Baseline allows only the runtime's default or a localhost AppArmor profile, in the
 * {@code appArmorProfile} fields and in the older {@code container.apparmor.security.beta.kubernetes.io/*}
 * annotations.
 */
public final class AppArmor extends PodRule {

  public static final String ID = "pss-baseline/apparmor";
  private static final Set<String> ALLOWED = Set.of("RuntimeDefault", "Localhost");
  private static final String ANNOTATION = "container.apparmor.security.beta.kubernetes.io/";
  private static final String FIX = "use appArmorProfile.type RuntimeDefault (or leave it unset)";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    String podType = type(site.podSecurity().map(s -> s.getAppArmorProfile()).orElse(null));
    if (podType != null && !ALLOWED.contains(podType)) {
      out.add(site.onPod(ID, "securityContext.appArmorProfile.type", "AppArmor profile is " + podType, FIX));
    }
    for (ContainerSite c : site.containers()) {
      String type = type(c.security().map(s -> s.getAppArmorProfile()).orElse(null));
      if (type != null && !ALLOWED.contains(type)) {
        out.add(site.onContainer(ID, c, "securityContext.appArmorProfile.type", "AppArmor profile is " + type, FIX));
      }
    }
    site.annotations().forEach((key, value) -> {
      if (key.startsWith(ANNOTATION) && !value.isEmpty()
          && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
        out.add(site.onMetadata(ID, key.substring(ANNOTATION.length()), "annotations[" + key + "]",
            "AppArmor annotation is " + value, "set the annotation to runtime/default, or remove it"));
      }
    });
  }

  private static String type(AppArmorProfile profile) {
    return profile == null ? null : profile.getType();
  }
}
