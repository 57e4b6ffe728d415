package dev.sparkk8s.policy.openshift;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.pss.RestrictedCapabilities;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class OpenShiftRestrictedV2Test {

  private static final String KUBEFLOW = "SparkApplication/spark-pi-kubeflow";

  private final CompliantRelease release = new CompliantRelease();

  static Stream<Arguments> fixedPodIds() {
    return Stream.of(
        Arguments.of(FixedIds.RUN_AS_USER, "runAsUser", (Consumer<PodSecurityContext>) s -> s.setRunAsUser(1000L)),
        Arguments.of(FixedIds.RUN_AS_GROUP, "runAsGroup", (Consumer<PodSecurityContext>) s -> s.setRunAsGroup(1000L)),
        Arguments.of(FixedIds.FS_GROUP, "fsGroup", (Consumer<PodSecurityContext>) s -> s.setFsGroup(1000L)),
        Arguments.of(FixedIds.SUPPLEMENTAL_GROUPS, "supplementalGroups",
            (Consumer<PodSecurityContext>) s -> s.setSupplementalGroups(List.of(1000L))));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("fixedPodIds")
  void fixedIdOnTheOpenShiftDriverPod(String rule, String field, Consumer<PodSecurityContext> change) {
    release.editKubeflow("driver", "podSecurityContext", PodSecurityContext.class, change);

    Finding f = only(release.check(), rule, KUBEFLOW, null, "spec.driver.podSecurityContext." + field);
    assertThat(f.message()).contains("1000");
  }

  @Test
  void fixedUserOnTheOpenShiftExecutorContainer() {
    release.editKubeflow("executor", "securityContext", SecurityContext.class, s -> s.setRunAsUser(1000L));

    only(release.check(), FixedIds.RUN_AS_USER, KUBEFLOW, "spark-kubernetes-executor",
        "spec.executor.securityContext.runAsUser");
  }

  @Test
  void capabilityOtherThanNetBindServiceIsRejectedByBothPssAndRestrictedV2() {
    release.editKubeflow("executor", "securityContext", SecurityContext.class,
        s -> s.getCapabilities().setAdd(List.of("CHOWN")));

    assertThat(release.check())
        .extracting(Finding::rule, Finding::resource, Finding::container, Finding::field)
        .containsExactly(
            tuple(OpenShiftCapabilities.ID, KUBEFLOW, "spark-kubernetes-executor",
                "spec.executor.securityContext.capabilities.add"),
            tuple(RestrictedCapabilities.ID, KUBEFLOW, "spark-kubernetes-executor",
                "spec.executor.securityContext.capabilities.add"));
  }

  @Test
  void fixedIdsOfTheRestrictedProfileAreReportedOnlyOnceThePodAsksForOpenShift() {
    assertThat(release.connectPod().getSecurityContext().getRunAsUser()).isEqualTo(185L);
    assertThat(release.check()).isEmpty();

    release.connect.getSpec().getTemplate().getMetadata().getAnnotations()
        .put(ChartLabels.SECURITY_PROFILE_ANNOTATION, "openshift");

    assertThat(release.check())
        .extracting(Finding::rule, Finding::field)
        .containsExactly(
            tuple(FixedIds.FS_GROUP, "spec.template.spec.securityContext.fsGroup"),
            tuple(FixedIds.RUN_AS_GROUP, "spec.template.spec.securityContext.runAsGroup"),
            tuple(FixedIds.RUN_AS_USER, "spec.template.spec.securityContext.runAsUser"));
  }
}
