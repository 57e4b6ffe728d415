package dev.sparkk8s.jobs.submit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.jobs.testing.CrdSchema;
import dev.sparkk8s.jobs.testing.Documents;
import dev.sparkk8s.jobs.testing.RenderedProfiles;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SparkApplication of each flavor, built from the chart's job profile, is valid for that operator's CRD. */
class SparkApplicationsTest {

  private static final CrdSchema APACHE = CrdSchema.of("crds/sparkapplications.spark.apache.org.yaml", "v1");
  private static final CrdSchema KUBEFLOW = CrdSchema.of("crds/sparkapplications.sparkoperator.k8s.io.yaml",
      "v1beta2");
  /** Everything that reaches the pod templates and the configuration. */
  private static final String[] EVERYTHING = {"spark.image.repository=registry.example.com/spark",
      "spark.s3.enabled=true", "spark.s3.credentials.secretName=s3", "spark.eventLog.enabled=true",
      "spark.eventLog.dir=s3a://logs/events", "spark.imagePullSecrets[0]=regcred", "pods.nodeSelector.pool=spark",
      "spark.secrets[0].secretName=db", "spark.secrets[0].key=password", "spark.secrets[0].envName=DB_PASSWORD",
      "monitoring.enabled=true", "security.authenticate.enabled=true",
      "security.authenticate.existingSecret=spark-auth", "spark.executor.instances=min:1 max:4"};

  private static final JobRequest PI = new JobRequest("nightly-pi", Optional.of("org.apache.spark.examples.SparkPi"),
      "local:///opt/spark/examples/jars/spark-examples.jar", List.of("100"), Map.of("spark.sql.ansi.enabled", "true"));

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void apacheApplicationMatchesItsCrd(String version) {
    JobProfile profile = profile("apache", version);
    assertThat(profile.kind()).isEqualTo(JobKind.APACHE_APPLICATION);
    GenericKubernetesResource app = ApacheSparkApplication.of(profile, PI.checkedAgainst(profile), "spark");

    assertThat(APACHE.violations(app)).isEmpty();
    Map<String, Object> spec = spec(app);
    assertThat(spec).containsEntry("mainClass", "org.apache.spark.examples.SparkPi")
        .containsEntry("jars", PI.app()).containsEntry("driverArgs", List.of("100"))
        .containsEntry("runtimeVersions", Map.of("sparkVersion", version.equals("3.5") ? "3.5.5" : "4.1.1",
            "scalaVersion", version.equals("3.5") ? "2.12" : "2.13"));
    assertThat(sparkConf(spec)).containsAllEntriesOf(profile.conf()).containsEntry("spark.app.name", "nightly-pi")
        .containsEntry("spark.sql.ansi.enabled", "true");
    assertThat(app.getMetadata().getLabels()).containsEntry("app.kubernetes.io/component", "job-driver");
  }

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void kubeflowApplicationMatchesItsCrd(String version) {
    JobProfile profile = profile("kubeflow", version);
    assertThat(profile.kind()).isEqualTo(JobKind.KUBEFLOW_APPLICATION);
    GenericKubernetesResource app = KubeflowSparkApplication.of(profile, PI.checkedAgainst(profile), "spark");

    assertThat(KUBEFLOW.violations(app)).isEmpty();
    Map<String, Object> spec = spec(app);
    assertThat(spec).containsEntry("type", "Scala").containsEntry("mode", "cluster")
        .containsEntry("image", profile.conf().get("spark.kubernetes.container.image"))
        .containsEntry("imagePullSecrets", List.of("regcred"))
        .containsEntry("mainApplicationFile", PI.app()).containsEntry("arguments", List.of("100"));
    assertThat(sparkConf(spec)).as("typed fields, not keys: the operator hands them to spark-submit after these")
        .doesNotContainKeys("spark.kubernetes.container.image", "spark.kubernetes.container.image.pullSecrets",
            "spark.kubernetes.authenticate.driver.serviceAccountName")
        .containsEntry("spark.kubernetes.driver.podTemplateContainerName", "spark-kubernetes-driver");
  }

  @Test
  void aPythonApplicationIsOfItsType() {
    JobRequest py = new JobRequest("py", Optional.empty(), "s3a://apps/job.py", List.of(), Map.of());
    assertThat(spec(KubeflowSparkApplication.of(profile("kubeflow", "4.1"), py, "spark"))).containsEntry("type",
        "Python");
    GenericKubernetesResource apache = ApacheSparkApplication.of(profile("apache", "4.1"), py, "spark");
    assertThat(spec(apache)).containsEntry("pyFiles", "s3a://apps/job.py").doesNotContainKey("mainClass");
    assertThat(APACHE.violations(apache)).isEmpty();
  }

  @Test
  void theSchemaCheckCanFail() {
    GenericKubernetesResource app = ApacheSparkApplication.of(profile("apache", "4.1"), PI, "spark");
    spec(app).put("mainClas", "typo");
    spec(app).remove("runtimeVersions");
    assertThat(APACHE.violations(app)).containsExactlyInAnyOrder(
        "spec.mainClas: not in the schema (the API server drops it)", "spec.runtimeVersions: required");
    GenericKubernetesResource kubeflow = KubeflowSparkApplication.of(profile("kubeflow", "4.1"), PI, "spark");
    spec(kubeflow).put("type", "Jar");
    assertThat(KUBEFLOW.violations(kubeflow)).singleElement().asString().startsWith("spec.type: \"Jar\" is not one of");
  }

  @Test
  void theStatusDocumentsOfTheStateTestsMatchTheirCrds() {
    for (String file : List.of("apache-driver-requested", "apache-running-healthy", "apache-succeeded-released",
        "apache-failed-retained", "apache-scheduling-failure")) {
      assertThat(APACHE.violations(Documents.read("status/" + file + ".yaml", GenericKubernetesResource.class)))
          .as(file).isEmpty();
    }
    for (String file : List.of("kubeflow-submitted", "kubeflow-running", "kubeflow-completed", "kubeflow-failed",
        "kubeflow-submission-failed", "kubeflow-pending-rerun", "kubeflow-failing")) {
      assertThat(KUBEFLOW.violations(Documents.read("status/" + file + ".yaml", GenericKubernetesResource.class)))
          .as(file).isEmpty();
    }
  }

  private static JobProfile profile(String flavor, String version) {
    String[] sets = new String[EVERYTHING.length + 3];
    System.arraycopy(EVERYTHING, 0, sets, 0, EVERYTHING.length);
    sets[EVERYTHING.length] = "spark.connect.mode.k8s.backend=operator";
    sets[EVERYTHING.length + 1] = "spark.operator.flavor=" + flavor;
    sets[EVERYTHING.length + 2] = "spark.version=" + version;
    return RenderedProfiles.profile(sets);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> spec(GenericKubernetesResource app) {
    return (Map<String, Object>) app.getAdditionalProperties().get("spec");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, String> sparkConf(Map<String, Object> spec) {
    return (Map<String, String>) spec.get("sparkConf");
  }
}
