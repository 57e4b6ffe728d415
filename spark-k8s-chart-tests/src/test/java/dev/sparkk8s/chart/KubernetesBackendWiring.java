package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The kubernetes backend: Spark's own scheduler creates executor pods from the chart's template. */
final class KubernetesBackendWiring {

  private KubernetesBackendWiring() {
  }

  static void check(ReleaseView view) {
    Map<String, String> conf = view.connectConf();
    Container server = ConnectServerWiring.check(view);
    PodSpec pod = view.deployment("connect").getSpec().getTemplate().getSpec();

    assertThat(conf).containsEntry("spark.master", "k8s://https://kubernetes.default.svc")
        .containsEntry("spark.submit.deployMode", "client")
        .containsEntry("spark.kubernetes.namespace", "default");
    assertThat(server.getArgs()).contains("spark.kubernetes.driver.pod.name=$(SPARK_DRIVER_POD_NAME)");
    assertThat(pod.getAutomountServiceAccountToken()).isTrue();

    // The executor pod template is mounted where spark.kubernetes.executor.podTemplateFile points.
    Path templateFile = Path.of(conf.get("spark.kubernetes.executor.podTemplateFile"));
    String volume = server.getVolumeMounts().stream()
        .filter(m -> m.getMountPath().equals(templateFile.getParent().toString()))
        .findFirst().orElseThrow(() -> new AssertionError("pod template dir not mounted")).getName();
    String configMapName = pod.getVolumes().stream().filter(v -> v.getName().equals(volume)).findFirst()
        .orElseThrow().getConfigMap().getName();
    ConfigMap templates = view.get(ConfigMap.class, "ConfigMap", configMapName);
    Pod template = new KubernetesSerialization()
        .unmarshal(templates.getData().get(templateFile.getFileName().toString()), Pod.class);
    checkExecutorTemplate(view, conf, template);

    checkExecutorScale(conf);
    checkRbac(view, pod.getServiceAccountName());
  }

  private static void checkExecutorTemplate(ReleaseView view, Map<String, String> conf, Pod template) {
    Container executor = ReleaseView.container(template.getSpec(), conf.get(
        "spark.kubernetes.executor.podTemplateContainerName"));
    long podMib = ConnectServerWiring.mib(conf.get("spark.executor.memory"))
        + ConnectServerWiring.mib(conf.get("spark.executor.memoryOverhead"));
    assertThat(executor.getResources().getLimits().get("memory").toString()).isEqualTo(podMib + "Mi");
    assertThat(executor.getResources().getRequests().get("memory").toString()).isEqualTo(podMib + "Mi");
    assertThat(executor.getResources().getRequests().get("cpu").toString())
        .isEqualTo(conf.get("spark.executor.cores"))
        .isEqualTo(conf.get("spark.kubernetes.executor.request.cores"));
    assertThat(template.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(template.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
    assertThat(executor.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
    assertThat(executor.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
    assertThat(template.getSpec().getAutomountServiceAccountToken()).isFalse();
    assertThat(template.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "executor");
  }

  static void checkExecutorScale(Map<String, String> conf) {
    if ("true".equals(conf.get("spark.dynamicAllocation.enabled"))) {
      assertThat(conf).containsEntry("spark.dynamicAllocation.shuffleTracking.enabled", "true")
          .containsKeys("spark.dynamicAllocation.minExecutors", "spark.dynamicAllocation.maxExecutors")
          .doesNotContainKey("spark.executor.instances");
    } else {
      assertThat(conf).containsKey("spark.executor.instances");
    }
  }

  /** A namespaced Role with what Spark's driver needs, bound to the server's ServiceAccount. */
  static void checkRbac(ReleaseView view, String serviceAccount) {
    assertThat(view.release().ofKind("ClusterRole")).isEmpty();
    assertThat(view.release().ofKind("ClusterRoleBinding")).isEmpty();
    Role role = view.get(Role.class, "Role", ReleaseView.FULLNAME + "-driver");
    for (String resource : List.of("pods", "services", "configmaps", "persistentvolumeclaims")) {
      assertThat(role.getRules()).as("rules for " + resource).anySatisfy(rule -> {
        assertThat(rule.getResources()).contains(resource);
        assertThat(rule.getVerbs()).contains("create", "get", "list", "watch", "delete");
      });
    }
    assertThat(role.getRules()).flatExtracting(PolicyRule::getResources)
        .containsOnly("pods", "services", "configmaps", "persistentvolumeclaims");
    RoleBinding binding = view.get(RoleBinding.class, "RoleBinding", ReleaseView.FULLNAME + "-driver");
    assertThat(binding.getRoleRef().getName()).isEqualTo(role.getMetadata().getName());
    assertThat(binding.getSubjects()).singleElement()
        .satisfies(s -> assertThat(s.getName()).isEqualTo(serviceAccount));
  }
}
