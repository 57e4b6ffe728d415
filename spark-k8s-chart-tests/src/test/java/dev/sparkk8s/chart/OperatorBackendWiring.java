package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/** The operator backend: a SparkApplication for a pre-installed operator, in either API flavor. */
final class OperatorBackendWiring {

  private OperatorBackendWiring() {
  }

  static void check(ReleaseView view) {
    JsonNode app = view.custom("SparkApplication", "connect");
    JsonNode conf = app.at("/spec/sparkConf");
    assertThat(conf.has("spark.master")).as("the operator sets the master").isFalse();
    assertThat(app.at("/spec/mainClass").asText()).isEqualTo("org.apache.spark.sql.connect.service.SparkConnectServer");
    if ("true".equals(conf.path("spark.dynamicAllocation.enabled").asText())) {
      assertThat(conf.path("spark.dynamicAllocation.shuffleTracking.enabled").asText()).isEqualTo("true");
    }

    String apiVersion = app.path("apiVersion").asText();
    boolean kubeflow = switch (apiVersion) {
      case "spark.apache.org/v1" -> false;
      case "sparkoperator.k8s.io/v1beta2" -> true;
      default -> throw new AssertionError("unexpected SparkApplication API " + apiVersion);
    };
    String driver = kubeflow ? "/spec/driver/template" : "/spec/driverSpec/podTemplateSpec";
    String executor = kubeflow ? "/spec/executor/template" : "/spec/executorSpec/podTemplateSpec";
    // Kubeflow forces its container names on spark-submit; Apache takes the sparkConf's.
    Map<String, String> containers = kubeflow
        ? Map.of(driver, "spark-kubernetes-driver", executor, "spark-kubernetes-executor")
        : Map.of(driver, "spark-driver", executor, "spark-executor");
    for (String template : List.of(driver, executor)) {
      JsonNode spec = app.at(template + "/spec");
      assertThat(spec.at("/securityContext/runAsNonRoot").asBoolean()).as(template).isTrue();
      assertThat(spec.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      assertThat(spec.at("/containers/0/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
      assertThat(spec.at("/containers/0/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
      assertThat(spec.at("/containers/0/name").asText()).as(template).isEqualTo(containers.get(template));
      // In cluster mode the driver creates its executors with the ServiceAccount's token; nothing else needs one.
      assertThat(spec.at("/automountServiceAccountToken").isBoolean()).as(template).isTrue();
      assertThat(spec.at("/automountServiceAccountToken").asBoolean()).as(template).isEqualTo(template.equals(driver));
    }
    assertThat(conf.path("spark.kubernetes.driver.podTemplateContainerName").asText()).isEqualTo(containers.get(driver));
    assertThat(conf.path("spark.kubernetes.executor.podTemplateContainerName").asText())
        .isEqualTo(containers.get(executor));
    if (kubeflow) {
      checkKubeflowSettingsInOnePlace(app, conf);
    } else {
      assertThat(conf.path("spark.kubernetes.container.image").asText()).startsWith("apache/spark:");
      JsonNode restart = app.at("/spec/applicationTolerations/restartConfig");
      assertThat(restart.path("restartPolicy").asText()).isEqualTo("Always");
      assertThat(restart.path("maxRestartAttempts").asLong()).as("the operator stops after 3 by default")
          .isEqualTo(Long.MAX_VALUE);
      assertThat(restart.path("restartBackoffMillis").asLong()).isBetween(1_000L, 60_000L);
    }

    // Clients reach the operator-created driver through the chart's Service.
    JsonNode driverLabels = app.at(driver + "/metadata/labels");
    view.service("connect").getSpec().getSelector()
        .forEach((k, v) -> assertThat(driverLabels.path(k).asText()).as("driver label " + k).isEqualTo(v));
    assertThat(view.has("Deployment", ReleaseView.FULLNAME + "-connect")).isFalse();
    KubernetesBackendWiring.checkRbac(view, ReleaseView.FULLNAME);
  }

  /**
   * The Kubeflow webhook appends the typed pod fields to the templates' (KubeflowWebhookMergeTest merges them), and
   * spark-submit gets the typed image, pull settings and ServiceAccount after the sparkConf: each lives in one place.
   */
  private static void checkKubeflowSettingsInOnePlace(JsonNode app, JsonNode conf) {
    assertThat(app.at("/spec/image").asText()).startsWith("apache/spark:");
    assertThat(app.at("/spec/restartPolicy/type").asText()).isEqualTo("Always");
    assertThat(app.at("/spec/driver/serviceAccount").asText()).isEqualTo(ReleaseView.FULLNAME);
    assertThat(app.at("/spec/volumes").isMissingNode()).isTrue();
    for (String role : List.of("driver", "executor")) {
      for (String typed : List.of("env", "envFrom", "volumeMounts", "securityContext", "podSecurityContext",
          "initContainers", "sidecars", "annotations")) {
        assertThat(app.at("/spec/" + role + "/" + typed).isMissingNode()).as(role + "." + typed).isTrue();
      }
    }
    assertThat(app.at("/spec/driver/template/spec/serviceAccountName").isMissingNode()).isTrue();
    for (String key : List.of("spark.kubernetes.container.image", "spark.kubernetes.container.image.pullPolicy",
        "spark.kubernetes.container.image.pullSecrets", "spark.kubernetes.authenticate.driver.serviceAccountName")) {
      assertThat(conf.has(key)).as(key + " is a typed field").isFalse();
    }
  }
}
