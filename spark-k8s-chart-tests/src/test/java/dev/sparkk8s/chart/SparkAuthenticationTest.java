package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.ValuesException;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * security.authenticate, networkEncryption and ioEncryption: spark.authenticate between every Spark process of the
 * release; on Standalone the shared secret reaches the master, the workers (which hand it to their executors)
 * and the Connect server only as the variable Spark reads, from the named Secret; the master's REST submission
 * server and its UI's kill and decommission actions are off.
 */
class SparkAuthenticationTest {

  private static final String ENV = "_SPARK_AUTH_SECRET";
  private static final String SECRET_FILE = "/opt/spark/auth/secret";
  private static final Map<String, Object> ON = Map.of("security.authenticate.enabled", true,
      "security.authenticate.existingSecret", "spark-auth", "security.networkEncryption", true,
      "security.ioEncryption", true);

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void everySparkProcessAuthenticatesAndEncrypts(String version, String backend) {
    JobPods pods = JobPods.render(dir, backend, version, ON);
    assertThat(pods.conf()).containsEntry("spark.authenticate", "true")
        .containsEntry("spark.network.crypto.enabled", "true").containsEntry("spark.io.encryption.enabled", "true");
    if (backend.equals("standalone")) {
      assertThat(pods.conf()).as("a placeholder: Spark reads the variable first")
          .containsEntry("spark.authenticate.secret", "(from the " + ENV + " variable)");
      assertSecretFromTheSecret(JobPods.spark(pods.driver()));
      Container worker = JobPods.spark(pods.worker().orElseThrow());
      assertSecretFromTheSecret(worker);
      assertThat(StandaloneBackendWiring.env(worker, "SPARK_WORKER_OPTS"))
          .contains("-Dspark.authenticate=true", "-Dspark.network.crypto.enabled=true")
          .doesNotContain("spark.authenticate.secret");
      Container master = JobPods.spark(pods.view().statefulSet("master").getSpec().getTemplate().getSpec());
      assertSecretFromTheSecret(master);
      assertThat(StandaloneBackendWiring.env(master, "SPARK_MASTER_OPTS"))
          .contains("-Dspark.authenticate=true", "-Dspark.master.rest.enabled=false");
    } else {
      assertThat(pods.conf()).as("the driver and its executors read the Secret as a file")
          .doesNotContainKey("spark.authenticate.secret")
          .containsEntry("spark.authenticate.secret.file", SECRET_FILE)
          .containsEntry("spark.authenticate.secret.driver.file", SECRET_FILE)
          .containsEntry("spark.authenticate.secret.executor.file", SECRET_FILE);
      pods.sparkPods().forEach((role, pod) -> {
        assertThat(secretEnv(JobPods.spark(pod))).as(role).isEmpty();
        assertThat(JobPods.spark(pod).getVolumeMounts()).as(role).anySatisfy(m -> {
          assertThat(m.getMountPath()).isEqualTo("/opt/spark/auth");
          assertThat(pod.getVolumes()).filteredOn(v -> v.getName().equals(m.getName())).singleElement()
              .satisfies(v -> assertThat(v.getSecret().getSecretName()).isEqualTo("spark-auth"));
        });
      });
      assertThat(pods.executor().map(JobPods::spark).orElseThrow().getEnv())
          .as("the executor reads its file only with a Kubernetes master in its own startup configuration")
          .anySatisfy(e -> assertThat(e.getValue()).isEqualTo("-Dspark.master=k8s://https://kubernetes.default.svc"));
      JobPods generated = JobPods.render(dir, backend, version, Map.of("security.authenticate.enabled", true));
      assertThat(generated.conf()).as("without a Secret, Spark makes the driver's secret")
          .containsEntry("spark.authenticate", "true").doesNotContainKeys("spark.authenticate.secret.file",
              "spark.authenticate.secret.driver.file", "spark.authenticate.secret.executor.file");
      generated.sparkPods().forEach((role, pod) -> assertThat(JobPods.spark(pod).getVolumeMounts()).as(role)
          .noneMatch(m -> m.getMountPath().equals("/opt/spark/auth")));
    }
    assertThat(pods.findings()).extracting(Finding::describe).isEmpty();
  }

  @Test
  void theMastersRestServerAndUiActionsAreOffByDefault() {
    JobPods pods = JobPods.render(dir, "standalone", "4.1", Map.of());
    Container master = JobPods.spark(pods.view().statefulSet("master").getSpec().getTemplate().getSpec());
    assertThat(StandaloneBackendWiring.env(master, "SPARK_MASTER_OPTS")).contains("-Dspark.master.rest.enabled=false",
        "-Dspark.ui.killEnabled=false", "-Dspark.master.ui.decommission.allow.mode=DENY");
    assertThat(pods.conf().keySet()).noneMatch(k -> k.startsWith("spark.authenticate") || k.contains("encryption"));
    assertThat(secretEnv(master)).isEmpty();

    JobPods rest = JobPods.render(dir, "standalone", "4.1", Map.of("spark.standalone.master.rest.enabled", true));
    Container withRest = JobPods.spark(rest.view().statefulSet("master").getSpec().getTemplate().getSpec());
    assertThat(StandaloneBackendWiring.env(withRest, "SPARK_MASTER_OPTS"))
        .contains("-Dspark.master.rest.enabled=true", "-Dspark.master.rest.port=6066");
  }

  @Test
  void whatSparkWouldRefuseIsRefusedNamingTheValue() {
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("security.networkEncryption", true)))
        .isInstanceOf(ValuesException.class).hasMessageContaining("security.networkEncryption: Spark encrypts only");
    assertThatThrownBy(() -> JobPods.render(dir, "standalone", "4.1", Map.of("security.authenticate.enabled", true)))
        .isInstanceOf(ValuesException.class).hasMessageContaining("security.authenticate.existingSecret: Standalone");
    assertThatThrownBy(() -> JobPods.render(dir, "standalone", "4.1", JobPods.merged(ON,
        Map.of("spark.standalone.master.rest.enabled", true))))
        .isInstanceOf(ValuesException.class).hasMessageContaining("spark.standalone.master.rest.enabled: the REST");
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.conf",
        Map.of("spark.authenticate", "true"))))
        .isInstanceOf(ValuesException.class).hasMessageContaining("spark.conf.spark.authenticate: the chart derives");
  }

  private static void assertSecretFromTheSecret(Container c) {
    assertThat(secretEnv(c)).as(c.getName()).hasValueSatisfying(e -> {
      assertThat(e.getValue()).isNull();
      assertThat(e.getValueFrom().getSecretKeyRef().getName()).isEqualTo("spark-auth");
      assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo("secret");
    });
  }

  private static Optional<EnvVar> secretEnv(Container c) {
    return c.getEnv() == null ? Optional.empty() : c.getEnv().stream().filter(e -> ENV.equals(e.getName())).findFirst();
  }
}
