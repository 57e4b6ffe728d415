package dev.sparkk8s.policy.source;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.policy.pss.HostNamespaces;
import dev.sparkk8s.policy.testing.Security;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.CronJobBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each kind's pod spec is found and its fields are named by their path in that kind. */
class PodSpecSourceTest {

  /** A compliant pod spec sharing the host's PID namespace: exactly one finding wherever it is. */
  private static PodSpec hostPid() {
    return new PodSpecBuilder()
        .withHostPID(true)
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("app").withSecurityContext(Security.container()).endContainer()
        .build();
  }

  private static PodTemplateSpec template() {
    return new PodTemplateSpecBuilder().withNewMetadata().endMetadata().withSpec(hostPid()).build();
  }

  static Stream<Arguments> kinds() {
    return Stream.of(
        Arguments.of(new StatefulSetBuilder().withNewMetadata().withName("w").endMetadata()
            .withNewSpec().withTemplate(template()).endSpec().build(), "StatefulSet/w", "spec.template.spec"),
        Arguments.of(new DaemonSetBuilder().withNewMetadata().withName("w").endMetadata()
            .withNewSpec().withTemplate(template()).endSpec().build(), "DaemonSet/w", "spec.template.spec"),
        Arguments.of(new ReplicaSetBuilder().withNewMetadata().withName("w").endMetadata()
            .withNewSpec().withTemplate(template()).endSpec().build(), "ReplicaSet/w", "spec.template.spec"),
        Arguments.of(new JobBuilder().withNewMetadata().withName("w").endMetadata()
            .withNewSpec().withTemplate(template()).endSpec().build(), "Job/w", "spec.template.spec"),
        Arguments.of(new CronJobBuilder().withNewMetadata().withName("w").endMetadata()
            .withNewSpec().withSchedule("@daily").withNewJobTemplate().withNewSpec().withTemplate(template())
            .endSpec().endJobTemplate().endSpec().build(), "CronJob/w", "spec.jobTemplate.spec.template.spec"),
        Arguments.of(new PodBuilder().withNewMetadata().withName("w").endMetadata().withSpec(hostPid()).build(),
            "Pod/w", "spec"),
        Arguments.of(new ConfigMapBuilder().withNewMetadata().withName("w").endMetadata()
            .addToData("pod.yaml", Conversion.asYaml(new PodBuilder().withNewMetadata().withName("p").endMetadata()
                .withSpec(hostPid()).build()))
            .addToData("other.conf", "spark.master k8s://x").build(),
            "ConfigMap/w", "data[pod.yaml].spec"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("kinds")
  void podSpecIsFoundAt(HasMetadata object, String resource, String podPath) {
    only(PolicyEngine.standard().check(List.of(object)), HostNamespaces.ID, resource, null, podPath + ".hostPID");
  }

  @Test
  void aBuiltInKindArrivingUntypedIsCheckedAsItsModelClass() {
    GenericKubernetesResource untyped = Conversion.convert(new DeploymentBuilder()
        .withNewMetadata().withName("w").endMetadata()
        .withNewSpec().withTemplate(template()).endSpec().build(), GenericKubernetesResource.class);

    only(PolicyEngine.standard().check(List.of(untyped)), HostNamespaces.ID, "Deployment/w", null,
        "spec.template.spec.hostPID");
  }

  @Test
  void configMapDataThatIsNotAPodIsIgnored() {
    var cm = new ConfigMapBuilder().withNewMetadata().withName("w").endMetadata()
        .withData(Map.of("a.yaml", "kind: Service\nspec: {}\n", "b.txt", "kind: [", "c.yaml", "plain text"))
        .build();

    assertThat(PodSpecSource.sites(cm)).isEmpty();
  }

  @Test
  void theSameFindingReachedTwiceIsReportedOnce() {
    var pod = new PodBuilder().withNewMetadata().withName("w").endMetadata().withSpec(hostPid()).build();

    List<Finding> findings = PolicyEngine.standard().check(List.of(pod, pod));

    assertThat(findings).hasSize(1);
  }
}
