package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.ReleaseDiff;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Switching the backend or the Spark version in an otherwise identical release changes only
 * what it must: a `helm upgrade --set` is the whole migration, and nothing else moves.
 */
class SwitchDiffTest {

  private static final String F = ReleaseView.FULLNAME;
  /** Spark 4 binds Connect to an explicit address; 3.5 has no such key. */
  private static final String BINDING_ADDRESS =
      "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.connect\\.grpc\\.binding\\.address";

  @Test
  void versionSwitchChangesOnlyImagesPackagesAndRolloutChecksums() {
    ReleaseDiff diff = ReleaseDiff.between(ChartFixture.render("spark.version=3.5"),
        ChartFixture.render("spark.version=4.1"));
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertOnlyAllowed(diff.changed(), List.of(
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.kubernetes\\.container\\.image",
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.jars\\.(packages|ivy)",
        BINDING_ADDRESS,
        "ConfigMap/" + F + "-executor-pod-template /data/executor-pod-template.yaml/spec/containers/0/image",
        "Deployment/" + F + "-connect /spec/template/metadata/annotations/checksum/.*",
        "Deployment/" + F + "-connect /spec/template/spec/containers/0/image"));
    assertThat(diff.changed()).anyMatch(p -> p.endsWith("/spec/template/spec/containers/0/image"));
  }

  @Test
  void versionSwitchOnStandaloneChangesOnlyImagesPackagesAndChecksums() {
    ReleaseDiff diff = ReleaseDiff.between(
        ChartFixture.render("spark.version=3.5", "spark.connect.mode.k8s.backend=standalone"),
        ChartFixture.render("spark.version=4.1", "spark.connect.mode.k8s.backend=standalone"));
    assertThat(diff.added()).isEmpty();
    assertThat(diff.removed()).isEmpty();
    assertOnlyAllowed(diff.changed(), List.of(
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.jars\\.(packages|ivy)",
        BINDING_ADDRESS,
        "(Deployment|StatefulSet)/" + F + "-(connect|master|worker) /spec/template/metadata/annotations/checksum/.*",
        "(Deployment|StatefulSet)/" + F + "-(connect|master|worker) /spec/template/spec/containers/0/image"));
  }

  @Test
  void kubernetesToStandaloneSwapsExecutorPodsForAClusterAndNothingElse() {
    ReleaseDiff diff = ReleaseDiff.between(ChartFixture.render(),
        ChartFixture.render("spark.connect.mode.k8s.backend=standalone"));
    assertThat(diff.removed()).containsExactlyInAnyOrder(
        "ConfigMap/" + F + "-executor-pod-template", "Role/" + F + "-driver", "RoleBinding/" + F + "-driver");
    assertThat(diff.added()).containsExactlyInAnyOrder(
        "Service/" + F + "-master", "StatefulSet/" + F + "-master",
        "Service/" + F + "-worker", "StatefulSet/" + F + "-worker");
    assertOnlyAllowed(diff.changed(), List.of(
        "ConfigMap/" + F + "-connect-conf /metadata/annotations/spark-k8s\\.io/backend",
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.(master|cores\\.max|executor\\.instances)",
        // A worker gives executors -Xmx only; the image's entrypoint gives Kubernetes executors -Xms too.
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.executor\\.extraJavaOptions",
        "ConfigMap/" + F + "-connect-conf /data/spark-defaults.conf#spark\\.kubernetes\\..*",
        "Deployment/" + F + "-connect /spec/template/metadata/annotations/checksum/.*",
        "Deployment/" + F + "-connect /spec/template/spec/automountServiceAccountToken",
        "Deployment/" + F + "-connect /spec/template/spec/containers/0/args/.*",
        // Ready only while the release's master lists the server's application.
        "Deployment/" + F + "-connect /spec/template/spec/containers/0/readinessProbe/.*",
        "Deployment/" + F + "-connect /spec/template/spec/containers/0/volumeMounts/.*",
        "Deployment/" + F + "-connect /spec/template/spec/volumes/.*"));
  }

  @Test
  void kubernetesToOperatorReplacesTheServerWorkloadAndKeepsItsServiceAndRbac() {
    ReleaseDiff diff = ReleaseDiff.between(ChartFixture.render(),
        ChartFixture.render("spark.connect.mode.k8s.backend=operator"));
    assertThat(diff.removed()).containsExactlyInAnyOrder(
        "ConfigMap/" + F + "-connect-conf", "ConfigMap/" + F + "-executor-pod-template",
        "Deployment/" + F + "-connect", "Service/" + F + "-connect-driver");
    assertThat(diff.added()).containsExactly("SparkApplication/" + F + "-connect");
    assertThat(diff.changed()).isEmpty();
  }

  @Test
  void operatorFlavorSwitchChangesOnlyTheSparkApplication() {
    ReleaseDiff diff = ReleaseDiff.between(ChartFixture.render("spark.connect.mode.k8s.backend=operator"),
        ChartFixture.render("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=kubeflow"));
    assertThat(diff.removed()).isEmpty();
    assertThat(diff.added()).isEmpty();
    assertOnlyAllowed(diff.changed(), List.of("SparkApplication/" + F + "-connect .*"));
  }

  private static void assertOnlyAllowed(Iterable<String> changed, List<String> allowedRegexes) {
    List<Pattern> allowed = allowedRegexes.stream().map(Pattern::compile).toList();
    assertThat(changed).allSatisfy(path -> assertThat(allowed)
        .as("change not expected from this switch: " + path)
        .anyMatch(p -> p.matcher(path).matches()));
  }
}
