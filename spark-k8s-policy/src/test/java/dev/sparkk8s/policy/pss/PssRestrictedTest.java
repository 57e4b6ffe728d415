package dev.sparkk8s.policy.pss;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class PssRestrictedTest {

  private static final String CONNECT = "Deployment/spark-connect";
  private static final String CONNECT_POD = "spec.template.spec";
  private static final String CONNECT_CONTAINER = "spec.template.spec.containers[spark-connect]";
  private static final String KUBEFLOW = "SparkApplication/spark-pi-kubeflow";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void nfsVolumeIsNotARestrictedVolumeType() {
    release.connectPod().getVolumes().add(new VolumeBuilder().withName("data")
        .withNewNfs().withServer("nfs.example").withPath("/export").endNfs().build());

    Finding f = only(release.check(), VolumeTypes.ID, CONNECT, null, CONNECT_POD + ".volumes[data].nfs");
    assertThat(f.message()).contains("nfs");
  }

  @Test
  void privilegeEscalationOnTheKubeflowDriverIsReportedWhereTheUserWroteIt() {
    release.editKubeflow("driver", "securityContext", SecurityContext.class, s -> s.setAllowPrivilegeEscalation(true));

    Finding f = only(release.check(), AllowPrivilegeEscalation.ID, KUBEFLOW, "spark-kubernetes-driver",
        "spec.driver.securityContext.allowPrivilegeEscalation");
    assertThat(f.message()).contains("true");
  }

  @Test
  void unsetPrivilegeEscalationInTheExecutorTemplate() {
    release.executorContainer().getSecurityContext().setAllowPrivilegeEscalation(null);

    Finding f = only(release.check(), AllowPrivilegeEscalation.ID, "ConfigMap/spark-executor-pod-template",
        "spark-executor",
        "data[executor-pod-template.yaml].spec.containers[spark-executor].securityContext.allowPrivilegeEscalation");
    assertThat(f.message()).contains("unset");
  }

  @Test
  void runAsNonRootFalseOnThePodIsReportedOnce() {
    release.connectPod().getSecurityContext().setRunAsNonRoot(false);

    only(release.check(), RunAsNonRoot.ID, CONNECT, null, CONNECT_POD + ".securityContext.runAsNonRoot");
  }

  @Test
  void runAsNonRootUnsetEverywhereIsReportedPerContainer() {
    release.connectPod().getSecurityContext().setRunAsNonRoot(null);

    only(release.check(), RunAsNonRoot.ID, CONNECT, "spark-connect", CONNECT_CONTAINER + ".securityContext.runAsNonRoot");
  }

  @Test
  void runAsNonRootFalseOnAContainerOverridesThePod() {
    release.connectContainer().getSecurityContext().setRunAsNonRoot(false);

    only(release.check(), RunAsNonRoot.ID, CONNECT, "spark-connect", CONNECT_CONTAINER + ".securityContext.runAsNonRoot");
  }

  @Test
  void rootUserInTheExecutorTemplate() {
    release.executorPod.getSpec().getSecurityContext().setRunAsUser(0L);

    Finding f = only(release.check(), RunAsUser.ID, "ConfigMap/spark-executor-pod-template", null,
        "data[executor-pod-template.yaml].spec.securityContext.runAsUser");
    assertThat(f.message()).contains("0");
  }

  @Test
  void seccompUnsetOnPodAndContainer() {
    release.connectPod().getSecurityContext().setSeccompProfile(null);

    only(release.check(), RestrictedSeccomp.ID, CONNECT, "spark-connect",
        CONNECT_CONTAINER + ".securityContext.seccompProfile.type");
  }

  @Test
  void seccompOnEveryContainerSatisfiesRestricted() {
    release.connectPod().getSecurityContext().setSeccompProfile(null);
    release.connectContainer().getSecurityContext().setSeccompProfile(
        new SeccompProfileBuilder().withType("RuntimeDefault").build());

    assertThat(release.check()).isEmpty();
  }

  @Test
  void capabilitiesNotDroppedInTheApacheExecutorTemplate() {
    release.editApacheTemplate("executor", t -> t.getSpec().getContainers().get(0).getSecurityContext()
        .getCapabilities().setDrop(List.of("NET_RAW")));

    Finding f = only(release.check(), RestrictedCapabilities.ID, "SparkApplication/spark-pi", "spark-executor",
        "spec.executorSpec.podTemplateSpec.spec.containers[spark-executor].securityContext.capabilities.drop");
    assertThat(f.message()).contains("NET_RAW");
  }

  @Test
  void baselineCapabilityOtherThanNetBindServiceIsReportedByRestricted() {
    release.connectContainer().getSecurityContext().getCapabilities().setAdd(List.of("NET_BIND_SERVICE", "CHOWN"));

    Finding f = only(release.check(), RestrictedCapabilities.ID, CONNECT, "spark-connect",
        CONNECT_CONTAINER + ".securityContext.capabilities.add");
    assertThat(f.message()).contains("CHOWN").doesNotContain("NET_BIND_SERVICE,");
  }

  @Test
  void aContainerWithoutSecurityContextFailsEveryContainerCheck() {
    release.connectPod().getInitContainers().add(new ContainerBuilder()
        .withName("wait").withImage("busybox").withSecurityContext(new SecurityContextBuilder().build()).build());

    assertThat(release.check())
        .allSatisfy(f -> assertThat(f.field()).startsWith(CONNECT_POD + ".initContainers[wait].securityContext."))
        .extracting(Finding::rule)
        .containsExactly(AllowPrivilegeEscalation.ID, RestrictedCapabilities.ID);
  }
}
