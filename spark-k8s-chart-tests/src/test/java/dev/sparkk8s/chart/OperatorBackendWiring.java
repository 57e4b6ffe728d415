package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** The operator backend: a SparkApplication for a pre-installed operator, in either API flavor. */
final class OperatorBackendWiring {

  private OperatorBackendWiring() {
  }

  static void check(ReleaseView view) {
    JsonNode app = view.custom("SparkApplication", "connect");
    JsonNode conf = app.at("/spec/sparkConf");
    assertThat(conf.has("spark.master")).as("the operator sets the master").isFalse();
    assertThat(conf.path("spark.connect.grpc.binding.address").asText()).isEqualTo("0.0.0.0");
    assertThat(conf.path("spark.kubernetes.container.image").asText()).startsWith("apache/spark:");
    assertThat(app.at("/spec/mainClass").asText()).isEqualTo("org.apache.spark.sql.connect.service.SparkConnectServer");
    if ("true".equals(conf.path("spark.dynamicAllocation.enabled").asText())) {
      assertThat(conf.path("spark.dynamicAllocation.shuffleTracking.enabled").asText()).isEqualTo("true");
    }

    String apiVersion = app.path("apiVersion").asText();
    List<String> templates = switch (apiVersion) {
      case "spark.apache.org/v1" -> List.of("/spec/driverSpec/podTemplateSpec", "/spec/executorSpec/podTemplateSpec");
      case "sparkoperator.k8s.io/v1beta2" -> List.of("/spec/driver/template", "/spec/executor/template");
      default -> throw new AssertionError("unexpected SparkApplication API " + apiVersion);
    };
    for (String template : templates) {
      JsonNode spec = app.at(template + "/spec");
      assertThat(spec.at("/securityContext/runAsNonRoot").asBoolean()).as(template).isTrue();
      assertThat(spec.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
      assertThat(spec.at("/containers/0/securityContext/allowPrivilegeEscalation").isBoolean()).isTrue();
      assertThat(spec.at("/containers/0/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    }
    if (apiVersion.startsWith("sparkoperator")) {
      assertThat(app.at("/spec/driver/podSecurityContext/runAsNonRoot").asBoolean()).isTrue();
      assertThat(app.at("/spec/executor/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
    }

    // Clients reach the operator-created driver through the chart's Service.
    JsonNode driverLabels = app.at(templates.get(0) + "/metadata/labels");
    view.service("connect").getSpec().getSelector()
        .forEach((k, v) -> assertThat(driverLabels.path(k).asText()).as("driver label " + k).isEqualTo(v));
    assertThat(view.has("Deployment", ReleaseView.FULLNAME + "-connect")).isFalse();
    KubernetesBackendWiring.checkRbac(view, ReleaseView.FULLNAME);
  }
}
