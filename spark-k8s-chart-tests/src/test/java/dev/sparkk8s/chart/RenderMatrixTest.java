package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every version x backend x profile x preset renders, wires Spark correctly and passes every policy. */
class RenderMatrixTest {

  static Stream<RenderCase> cases() {
    return RenderCase.matrix();
  }

  private static RenderedRelease render(RenderCase c) {
    var request = ChartFixture.request(c.sets());
    if (c.preset() != null) {
      request.preset(c.preset());
    }
    return ChartFixture.render(request.build());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void passesEveryPolicyRule(RenderCase c) {
    List<Finding> findings = PolicyEngine.standard().check(render(c).objects());
    assertThat(findings).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void wiresTheBackend(RenderCase c) {
    ReleaseView view = new ReleaseView(render(c));
    String backend = backendOf(view);
    switch (backend) {
      case "kubernetes" -> KubernetesBackendWiring.check(view);
      case "standalone" -> StandaloneBackendWiring.check(view);
      case "operator" -> OperatorBackendWiring.check(view);
      default -> throw new AssertionError("unknown backend " + backend);
    }
    VersionWiring.check(view, c.version());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void openshiftProfileFixesNoUidGidOrFsGroupAnywhere(RenderCase c) {
    String yaml = render(c).yaml();
    boolean openshift = "openshift".equals(c.profile()) || "openshift".equals(c.preset());
    for (String field : List.of("runAsUser:", "runAsGroup:", "fsGroup:")) {
      assertThat(yaml.contains(field)).as(field + " in " + c).isEqualTo(!openshift);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void configMapsHoldNoCredentialsAndNoDuplicateSparkKeys(RenderCase c) {
    for (ConfigMap cm : render(c).objects(ConfigMap.class)) {
      cm.getData().forEach((key, text) -> {
        assertThat(text.toLowerCase()).as(cm.getMetadata().getName() + "/" + key)
            .doesNotContain("secret.key", "access.key", "aws_secret_access_key=", "password");
        if (key.endsWith(".conf")) {
          assertThat(duplicateKeys(text)).as("keys set twice in " + key).isEmpty();
        }
      });
    }
  }

  private static String backendOf(ReleaseView view) {
    return view.release().ofKind("SparkApplication").isEmpty()
        ? view.configMap("connect-conf").getMetadata().getAnnotations().get("spark-k8s.io/backend")
        : "operator";
  }

  private static List<String> duplicateKeys(String propertiesText) {
    Set<String> seen = new HashSet<>();
    List<String> dupes = new ArrayList<>();
    for (String line : propertiesText.split("\n")) {
      String trimmed = line.strip();
      if (trimmed.isEmpty() || trimmed.startsWith("#")) {
        continue;
      }
      String key = trimmed.split("[\\s=]", 2)[0];
      if (!seen.add(key)) {
        dupes.add(key);
      }
    }
    return dupes;
  }
}
