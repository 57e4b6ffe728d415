package dev.sparkk8s.policy.openshift;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PodRule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;

/**
 * restricted-v2 assigns the UID (MustRunAsRange) and the fsGroup (MustRunAs) from the namespace's range, so
 * a fixed value is rejected unless it happens to fall in that range. It does not constrain runAsGroup or
 * supplementalGroups (RunAsAny), but a fixed group pins the pod to IDs chosen outside the namespace's range;
 * the chart's openshift profile leaves all four to the platform.
 */
public final class FixedIds extends PodRule {

  public static final String RUN_AS_USER = "openshift/run-as-user";
  public static final String RUN_AS_GROUP = "openshift/run-as-group";
  public static final String FS_GROUP = "openshift/fs-group";
  public static final String SUPPLEMENTAL_GROUPS = "openshift/supplemental-groups";
  private static final String FIX = "remove it; with security.profile openshift the chart leaves the IDs to "
      + "OpenShift, which assigns them from the namespace's range";

  @Override
  protected void check(PodSite site, List<Finding> out) {
    if (!OpenShiftRestrictedV2.applies(site)) {
      return;
    }
    PodSecurityContext pod = site.podSecurity().orElse(new PodSecurityContext());
    if (pod.getRunAsUser() != null) {
      out.add(site.onPod(RUN_AS_USER, "securityContext.runAsUser",
          "runAsUser is fixed at " + pod.getRunAsUser() + "; restricted-v2 requires a UID from the namespace range",
          FIX));
    }
    if (pod.getRunAsGroup() != null) {
      out.add(site.onPod(RUN_AS_GROUP, "securityContext.runAsGroup",
          "runAsGroup is fixed at " + pod.getRunAsGroup(), FIX));
    }
    if (pod.getFsGroup() != null) {
      out.add(site.onPod(FS_GROUP, "securityContext.fsGroup",
          "fsGroup is fixed at " + pod.getFsGroup() + "; restricted-v2 requires an fsGroup from the namespace range",
          FIX));
    }
    if (pod.getSupplementalGroups() != null && !pod.getSupplementalGroups().isEmpty()) {
      out.add(site.onPod(SUPPLEMENTAL_GROUPS, "securityContext.supplementalGroups",
          "supplementalGroups are fixed at " + pod.getSupplementalGroups(), FIX));
    }
    for (ContainerSite c : site.containers()) {
      SecurityContext own = c.security().orElse(new SecurityContext());
      if (own.getRunAsUser() != null) {
        out.add(site.onContainer(RUN_AS_USER, c, "securityContext.runAsUser",
            "runAsUser is fixed at " + own.getRunAsUser() + "; restricted-v2 requires a UID from the namespace range",
            FIX));
      }
      if (own.getRunAsGroup() != null) {
        out.add(site.onContainer(RUN_AS_GROUP, c, "securityContext.runAsGroup",
            "runAsGroup is fixed at " + own.getRunAsGroup(), FIX));
      }
    }
  }
}
