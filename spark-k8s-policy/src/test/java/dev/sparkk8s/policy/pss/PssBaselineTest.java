package dev.sparkk8s.policy.pss;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import io.fabric8.kubernetes.api.model.AppArmorProfileBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SELinuxOptionsBuilder;
import io.fabric8.kubernetes.api.model.SeccompProfileBuilder;
import io.fabric8.kubernetes.api.model.SysctlBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.WindowsSecurityContextOptionsBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PssBaselineTest {

  private static final String CONNECT = "Deployment/spark-connect";
  private static final String CONNECT_POD = "spec.template.spec";
  private static final String CONNECT_CONTAINER = "spec.template.spec.containers[spark-connect]";
  private static final String TEMPLATE_CM = "ConfigMap/spark-executor-pod-template";
  private static final String EXECUTOR_CONTAINER = "data[executor-pod-template.yaml].spec.containers[spark-executor]";

  private final CompliantRelease release = new CompliantRelease();

  @ParameterizedTest
  @ValueSource(strings = {"hostNetwork", "hostPID", "hostIPC"})
  void hostNamespaces(String field) {
    switch (field) {
      case "hostNetwork" -> release.connectPod().setHostNetwork(true);
      case "hostPID" -> release.connectPod().setHostPID(true);
      default -> release.connectPod().setHostIPC(true);
    }

    Finding f = only(release.check(), HostNamespaces.ID, CONNECT, null, CONNECT_POD + "." + field);
    assertThat(f.message()).contains(field + " is true");
  }

  @Test
  void privilegedExecutorInThePodTemplateConfigMap() {
    release.executorContainer().getSecurityContext().setPrivileged(true);

    only(release.check(), Privileged.ID, TEMPLATE_CM, "spark-executor",
        EXECUTOR_CONTAINER + ".securityContext.privileged");
  }

  @Test
  void capabilityBeyondTheBaselineSetIsReportedOnceByBaseline() {
    release.connectContainer().getSecurityContext().getCapabilities().setAdd(List.of("SYS_ADMIN"));

    Finding f = only(release.check(), BaselineCapabilities.ID, CONNECT, "spark-connect",
        CONNECT_CONTAINER + ".securityContext.capabilities.add");
    assertThat(f.message()).contains("SYS_ADMIN");
  }

  @Test
  void hostPathVolumeIsReportedOnceByBaseline() {
    release.connectPod().getVolumes().add(
        new VolumeBuilder().withName("docker").withNewHostPath().withPath("/var/run").endHostPath().build());

    Finding f = only(release.check(), HostPathVolumes.ID, CONNECT, null, CONNECT_POD + ".volumes[docker].hostPath");
    assertThat(f.message()).contains("/var/run");
  }

  @Test
  void hostPortOnTheDriverPort() {
    release.connectContainer().getPorts().get(1).setHostPort(7078);

    Finding f = only(release.check(), HostPorts.ID, CONNECT, "spark-connect", CONNECT_CONTAINER + ".ports[driver].hostPort");
    assertThat(f.message()).contains("7078");
  }

  @Test
  void seLinuxTypeOnTheApacheDriverPod() {
    release.editApacheTemplate("driver", t -> t.getSpec().getSecurityContext()
        .setSeLinuxOptions(new SELinuxOptionsBuilder().withType("spc_t").build()));

    Finding f = only(release.check(), SeLinux.ID, "SparkApplication/spark-pi", null,
        "spec.driverSpec.podTemplateSpec.spec.securityContext.seLinuxOptions.type");
    assertThat(f.message()).contains("spc_t");
  }

  @Test
  void seLinuxUserAndRoleOnAContainerAreEachReported() {
    release.connectContainer().getSecurityContext().setSeLinuxOptions(
        new SELinuxOptionsBuilder().withType("container_t").withUser("system_u").withRole("system_r").build());

    assertThat(release.check()).extracting(Finding::rule, Finding::field).containsExactly(
        tuple(SeLinux.ID, CONNECT_CONTAINER + ".securityContext.seLinuxOptions.role"),
        tuple(SeLinux.ID, CONNECT_CONTAINER + ".securityContext.seLinuxOptions.user"));
  }

  @Test
  void unmaskedProcMount() {
    release.executorContainer().getSecurityContext().setProcMount("Unmasked");

    only(release.check(), ProcMount.ID, TEMPLATE_CM, "spark-executor", EXECUTOR_CONTAINER + ".securityContext.procMount");
  }

  @Test
  void unconfinedSeccompIsReportedOnceByBaseline() {
    release.executorContainer().getSecurityContext()
        .setSeccompProfile(new SeccompProfileBuilder().withType("Unconfined").build());

    only(release.check(), BaselineSeccomp.ID, TEMPLATE_CM, "spark-executor",
        EXECUTOR_CONTAINER + ".securityContext.seccompProfile.type");
  }

  @Test
  void unsafeSysctlIsReportedAndASafeOneIsNot() {
    release.connectPod().getSecurityContext().setSysctls(List.of(
        new SysctlBuilder().withName("net.ipv4.tcp_keepalive_time").withValue("60").build(),
        new SysctlBuilder().withName("kernel.msgmax").withValue("65536").build()));

    Finding f = only(release.check(), Sysctls.ID, CONNECT, null, CONNECT_POD + ".securityContext.sysctls[kernel.msgmax]");
    assertThat(f.message()).contains("kernel.msgmax=65536");
  }

  @Test
  void unconfinedAppArmorOnTheKubeflowDriverPodSecurityContext() {
    release.editKubeflow("driver", "podSecurityContext", PodSecurityContext.class,
        s -> s.setAppArmorProfile(new AppArmorProfileBuilder().withType("Unconfined").build()));

    only(release.check(), AppArmor.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.driver.podSecurityContext.appArmorProfile.type");
  }

  @Test
  void unconfinedAppArmorAnnotationNamesItsContainer() {
    String key = "container.apparmor.security.beta.kubernetes.io/spark-connect";
    release.connect.getSpec().getTemplate().getMetadata().getAnnotations().put(key, "unconfined");

    only(release.check(), AppArmor.ID, CONNECT, "spark-connect", "spec.template.metadata.annotations[" + key + "]");
  }

  @Test
  void hostProcessContainer() {
    release.connectContainer().getSecurityContext()
        .setWindowsOptions(new WindowsSecurityContextOptionsBuilder().withHostProcess(true).build());

    only(release.check(), HostProcess.ID, CONNECT, "spark-connect", CONNECT_CONTAINER + ".securityContext.windowsOptions.hostProcess");
  }
}
