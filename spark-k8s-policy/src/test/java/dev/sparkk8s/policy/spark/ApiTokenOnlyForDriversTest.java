package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kubernetes backend's server and every SparkApplication driver get a token; no other Spark pod does. */
class ApiTokenOnlyForDriversTest {

  private static final String FIELD = "automountServiceAccountToken";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void kubernetesBackendServerWithoutAToken() {
    release.connectPod().setAutomountServiceAccountToken(false);

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "Deployment/spark-connect", null,
        "spec.template.spec." + FIELD);
    assertThat(f.message()).contains("kubernetes backend").contains("talks to the Kubernetes API")
        .contains(FIELD + " is false");
    assertThat(f.fix()).contains(FIELD + ": true");
  }

  @Test
  void anUnsetFieldTakesTheServiceAccountsSetting() {
    release.connectPod().setAutomountServiceAccountToken(null);
    release.connectPod().setServiceAccountName("connect");
    release.extra.add(new ServiceAccountBuilder().withNewMetadata().withName("connect").endMetadata()
        .withAutomountServiceAccountToken(false).build());

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "Deployment/spark-connect", null,
        "spec.template.spec." + FIELD);
    assertThat(f.message()).contains("ServiceAccount connect sets it false");
  }

  @Test
  void executorPodTemplateWithAToken() {
    release.executorPod.getSpec().setAutomountServiceAccountToken(true);

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "ConfigMap/spark-executor-pod-template", null,
        "data[executor-pod-template.yaml].spec." + FIELD);
    assertThat(f.message()).contains("executor pod template").contains("does not talk to the Kubernetes API");
    assertThat(f.fix()).contains(FIELD + ": false");
  }

  @Test
  void batchJobDriverTemplateWithoutAToken() {
    release.extra.add(jobProfile(release, false));

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "ConfigMap/spark-job-profile", null,
        "data[driver-pod-template.yaml].spec." + FIELD);
    assertThat(f.message()).contains("batch job's driver pod template").contains("talks to the Kubernetes API");
  }

  @Test
  void batchJobDriverTemplateWithATokenIsADriver() {
    release.extra.add(jobProfile(release, true));

    assertThat(release.check()).extracting(Finding::rule).doesNotContain(ApiTokenOnlyForDrivers.ID);
  }

  /** The compliant executor template, as a batch job's driver template. */
  private static ConfigMap jobProfile(CompliantRelease release, boolean token) {
    Pod driver = new PodBuilder(release.executorPod).editMetadata()
        .addToLabels(ChartLabels.COMPONENT, ChartLabels.JOB_DRIVER_COMPONENT).endMetadata()
        .editSpec().withAutomountServiceAccountToken(token).endSpec().build();
    return new ConfigMapBuilder().withNewMetadata().withName("spark-job-profile").endMetadata()
        .withData(Map.of("driver-pod-template.yaml", new KubernetesSerialization().asYaml(driver))).build();
  }

  @Test
  void standaloneJobsSubmittingPodWithATokenHoldsACredentialItDoesNotUse() {
    release.extra.add(standaloneJobProfile(release, true));

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "ConfigMap/spark-job-profile", null,
        "data[submission-job.yaml].spec.template.spec." + FIELD);
    assertThat(f.message()).contains("submitting pod of a standalone-backend batch job")
        .contains("does not talk to the Kubernetes API");
  }

  @Test
  void standaloneJobsSubmittingPodWithoutATokenIsRight() {
    release.extra.add(standaloneJobProfile(release, false));

    assertThat(release.check()).extracting(Finding::rule).doesNotContain(ApiTokenOnlyForDrivers.ID);
  }

  /** The compliant executor pod as the pod of a standalone backend's submission Job template. */
  private static ConfigMap standaloneJobProfile(CompliantRelease release, boolean token) {
    Job job = new JobBuilder().withNewSpec().withNewTemplate()
        .withNewMetadata().addToLabels(ChartLabels.COMPONENT, ChartLabels.JOB_DRIVER_COMPONENT).endMetadata()
        .withSpec(new PodBuilder(release.executorPod).editSpec().withAutomountServiceAccountToken(token).endSpec()
            .build().getSpec())
        .endTemplate().endSpec().build();
    job.setApiVersion("batch/v1");
    job.setKind("Job");
    return new ConfigMapBuilder().withNewMetadata().withName("spark-job-profile")
        .addToAnnotations(ChartLabels.BACKEND_ANNOTATION, "standalone").endMetadata()
        .withData(Map.of("submission-job.yaml", new KubernetesSerialization().asYaml(job))).build();
  }

  @Test
  void executorPodTemplateWithoutTheFieldGetsTheTokenOfAServiceAccountThatIsNotRendered() {
    release.executorPod.getSpec().setAutomountServiceAccountToken(null);

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "ConfigMap/spark-executor-pod-template", null,
        "data[executor-pod-template.yaml].spec." + FIELD);
    assertThat(f.message()).contains("ServiceAccount default is not rendered");
  }

  @Test
  void apacheDriverWithoutAToken() {
    release.editApacheTemplate("driver", t -> t.getSpec().setAutomountServiceAccountToken(false));

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "SparkApplication/spark-pi", null,
        "spec.driverSpec.podTemplateSpec.spec." + FIELD);
    assertThat(f.message()).contains("driver of a SparkApplication");
  }

  @Test
  void apacheDriverTakesTheServiceAccountTheSparkConfNames() {
    release.editApacheTemplate("driver", t -> t.getSpec().setAutomountServiceAccountToken(null));
    SparkApplicationFixtures.path(release.apacheApp, "spec", "sparkConf")
        .put("spark.kubernetes.authenticate.driver.serviceAccountName", "connect");
    release.extra.add(new ServiceAccountBuilder().withNewMetadata().withName("connect").endMetadata()
        .withAutomountServiceAccountToken(false).build());

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "SparkApplication/spark-pi", null,
        "spec.driverSpec.podTemplateSpec.spec." + FIELD);
    assertThat(f.message()).contains("ServiceAccount connect sets it false");
  }

  @Test
  void kubeflowExecutorWithAToken() {
    release.editKubeflowTemplate("executor", t -> t.getSpec().setAutomountServiceAccountToken(true));

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.executor.template.spec." + FIELD);
    assertThat(f.message()).contains("SparkApplication's executor");
  }

  @Test
  void kubeflowDriverWithoutAToken() {
    release.editKubeflowTemplate("driver", t -> t.getSpec().setAutomountServiceAccountToken(false));

    only(release.check(), ApiTokenOnlyForDrivers.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.driver.template.spec." + FIELD);
  }

  @Test
  void standaloneWorkerWithAToken() {
    release.withStandaloneBackend().worker().getSpec().getTemplate().getSpec().setAutomountServiceAccountToken(true);

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "StatefulSet/spark-worker", null,
        "spec.template.spec." + FIELD);
    assertThat(f.message()).contains("Standalone worker");
  }

  @Test
  void standaloneBackendServerWithAToken() {
    release.withStandaloneBackend().connectPod().setAutomountServiceAccountToken(true);

    Finding f = only(release.check(), ApiTokenOnlyForDrivers.ID, "Deployment/spark-connect", null,
        "spec.template.spec." + FIELD);
    assertThat(f.message()).contains("standalone backend");
  }
}
