package dev.sparkk8s.policy.pss;

import dev.sparkk8s.policy.Rule;
import java.util.List;

/**
 * Kubernetes Pod Security Standards, restricted level (current version). Restricted includes baseline;
 * what a baseline rule already reports (a hostPath volume, a capability baseline forbids, an Unconfined
 * seccomp profile) is not reported again here.
 */
public final class PssRestricted {

  /** The security profile value the chart offers for PSS restricted namespaces. */
  static final String FIX_HINT = " (the chart sets this for security.profile restricted and openshift)";

  private PssRestricted() {
  }

  public static List<Rule> rules() {
    return List.of(new VolumeTypes(), new AllowPrivilegeEscalation(), new RunAsNonRoot(), new RunAsUser(),
        new RestrictedSeccomp(), new RestrictedCapabilities());
  }
}
