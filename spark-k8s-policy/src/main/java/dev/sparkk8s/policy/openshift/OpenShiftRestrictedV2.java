package dev.sparkk8s.policy.openshift;

import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ChartLabels;
import java.util.List;

/**
 * OpenShift's restricted-v2 SecurityContextConstraints, checked on the pods the chart renders for OpenShift:
 * those whose metadata carries {@code spark-k8s.io/security-profile: openshift}.
 */
public final class OpenShiftRestrictedV2 {

  public static final String PROFILE = "openshift";

  private OpenShiftRestrictedV2() {
  }

  public static List<Rule> rules() {
    return List.of(new FixedIds(), new OpenShiftCapabilities());
  }

  static boolean applies(PodSite site) {
    return PROFILE.equals(site.annotations().get(ChartLabels.SECURITY_PROFILE_ANNOTATION));
  }
}
