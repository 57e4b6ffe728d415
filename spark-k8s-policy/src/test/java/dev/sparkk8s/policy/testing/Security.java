package dev.sparkk8s.policy.testing;

import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import java.util.Map;

/** The security settings of the chart's two profiles, as fixtures build them. */
public final class Security {


  private Security() {
  }

  public static Map<String, String> profile(String profile) {
    return Map.of(ChartLabels.SECURITY_PROFILE_ANNOTATION, profile);
  }

  /** PSS restricted with the Spark image's fixed UID 185. */
  public static PodSecurityContext restrictedPod() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true).withRunAsUser(185L).withRunAsGroup(185L).withFsGroup(185L)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  /** PSS restricted leaving every ID to OpenShift. */
  public static PodSecurityContext openshiftPod() {
    return new PodSecurityContextBuilder()
        .withRunAsNonRoot(true)
        .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile()
        .build();
  }

  public static SecurityContext container() {
    return new SecurityContextBuilder()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities().withDrop("ALL").endCapabilities()
        .build();
  }
}
