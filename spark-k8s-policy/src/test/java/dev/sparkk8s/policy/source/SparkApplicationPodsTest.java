package dev.sparkk8s.policy.source;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.pss.AllowPrivilegeEscalation;
import dev.sparkk8s.policy.pss.HostNamespaces;
import dev.sparkk8s.policy.pss.HostPathVolumes;
import dev.sparkk8s.policy.pss.RestrictedCapabilities;
import dev.sparkk8s.policy.pss.RestrictedSeccomp;
import dev.sparkk8s.policy.pss.RunAsNonRoot;
import dev.sparkk8s.policy.pss.VolumeTypes;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How the pods of both SparkApplication flavours are assembled, and where their fields are reported. */
class SparkApplicationPodsTest {

  private static final String APACHE = "SparkApplication/spark-pi";
  private static final String KUBEFLOW = "SparkApplication/spark-pi-kubeflow";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void apacheTemplateWithoutContainersGetsTheSparkContainerWhichRunsUnconfined() {
    release.editApacheTemplate("driver", t -> t.getSpec().setContainers(new ArrayList<>()));

    String container = "spec.driverSpec.podTemplateSpec.spec.containers[spark-driver].securityContext.";
    assertThat(release.check())
        .extracting(Finding::rule, Finding::resource, Finding::container, Finding::field)
        .containsExactly(
            tuple(AllowPrivilegeEscalation.ID, APACHE, "spark-driver", container + "allowPrivilegeEscalation"),
            tuple(RestrictedCapabilities.ID, APACHE, "spark-driver", container + "capabilities.drop"));
  }

  @Test
  void apacheApplicationWithoutAnyTemplateStillHasADriverPodThatFailsRestricted() {
    release.apacheRole("driver").clear();

    String container = "spec.driverSpec.podTemplateSpec.spec.containers[spark-driver].securityContext.";
    assertThat(release.check())
        .extracting(Finding::rule, Finding::field)
        .containsExactly(
            tuple(AllowPrivilegeEscalation.ID, container + "allowPrivilegeEscalation"),
            tuple(RestrictedCapabilities.ID, container + "capabilities.drop"),
            tuple(RunAsNonRoot.ID, container + "runAsNonRoot"),
            tuple(RestrictedSeccomp.ID, container + "seccompProfile.type"));
  }

  @Test
  void kubeflowDriverWithoutTemplateIsReportedAtTheRoleFields() {
    release.kubeflowRole("driver").remove("securityContext");

    assertThat(release.check())
        .extracting(Finding::rule, Finding::container, Finding::field)
        .containsExactly(
            tuple(AllowPrivilegeEscalation.ID, "spark-kubernetes-driver", "spec.driver.securityContext.allowPrivilegeEscalation"),
            tuple(RestrictedCapabilities.ID, "spark-kubernetes-driver", "spec.driver.securityContext.capabilities.drop"));
  }

  @Test
  void kubeflowSidecarIsReportedAtItsOwnPath() {
    release.kubeflowRole("executor").put("sidecars", List.of(SparkApplicationFixtures.toMap(
        new ContainerBuilder().withName("log-shipper").withImage("fluent-bit").build())));

    assertThat(release.check())
        .allSatisfy(f -> assertThat(f.field()).startsWith("spec.executor.sidecars[log-shipper].securityContext."))
        .extracting(Finding::rule)
        .containsExactly(AllowPrivilegeEscalation.ID, RestrictedCapabilities.ID);
  }

  @Test
  void kubeflowHostNetworkIsAPodField() {
    release.kubeflowRole("driver").put("hostNetwork", true);

    only(release.check(), HostNamespaces.ID, KUBEFLOW, null, "spec.driver.hostNetwork");
  }

  @Test
  void kubeflowVolumesReachTheRoleThatMountsThemAndAreReportedAtSpecVolumes() {
    @SuppressWarnings("unchecked")
    List<Object> volumes = (List<Object>) SparkApplicationFixtures.path(release.kubeflowApp, "spec").get("volumes");
    volumes.add(SparkApplicationFixtures.toMap(new VolumeBuilder().withName("scratch")
        .withNewNfs().withServer("nfs").withPath("/x").endNfs().build()));
    volumes.add(SparkApplicationFixtures.toMap(new VolumeBuilder().withName("unused")
        .withNewHostPath().withPath("/").endHostPath().build()));
    @SuppressWarnings("unchecked")
    List<Object> mounts = (List<Object>) release.kubeflowRole("driver").get("volumeMounts");
    mounts.add(SparkApplicationFixtures.toMap(new VolumeMountBuilder().withName("scratch").withMountPath("/scratch").build()));

    only(release.check(), VolumeTypes.ID, KUBEFLOW, null, "spec.volumes[scratch].nfs");
  }

  @Test
  void kubeflowTemplateVolumesKeepTheirTemplatePath() {
    Map<String, Object> template = release.kubeflowRole("executor");
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) template.get("template")).get("spec");
    spec.put("volumes", List.of(SparkApplicationFixtures.toMap(new VolumeBuilder().withName("host")
        .withNewHostPath().withPath("/").endHostPath().build())));

    only(release.check(), HostPathVolumes.ID, KUBEFLOW, null, "spec.executor.template.spec.volumes[host].hostPath");
  }
}
