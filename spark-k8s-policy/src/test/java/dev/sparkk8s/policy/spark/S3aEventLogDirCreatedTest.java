package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Labels;
import dev.sparkk8s.policy.testing.Security;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import dev.sparkk8s.policy.testing.Workloads;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every Spark process on an s3a:// event log has an init container that creates the directory first. */
class S3aEventLogDirCreatedTest {

  private static final String DIR = "s3a://logs/spark-events";
  private static final String IMAGE = "registry.example.com/spark:4.1.1";

  private final CompliantRelease release = new CompliantRelease();

  /** The Connect server logs to {@link #DIR} on an image with S3A; with the init container, all is well. */
  private void connectServerLogsToS3(boolean createdFirst) {
    release.connectContainer().setImage(IMAGE);
    release.sparkDefaults.put("spark.eventLog.enabled", "true");
    release.sparkDefaults.put("spark.eventLog.dir", DIR);
    if (createdFirst) {
      release.connectPod().getInitContainers().add(mkdir(DIR));
    }
  }

  @Test
  void theConnectServerWithItsInitContainer() {
    connectServerLogsToS3(true);

    assertThat(release.check()).isEmpty();
  }

  @Test
  void theConnectServerWithoutOne() {
    connectServerLogsToS3(false);

    Finding f = only(release.check(), S3aEventLogDirCreated.ID, "Deployment/spark-connect", "spark-connect",
        "spec.template.spec.initContainers");
    assertThat(f.message()).contains(DIR).contains("refuses to start");
  }

  @Test
  void anInitContainerCreatingAnotherDirectory() {
    connectServerLogsToS3(false);
    release.connectPod().getInitContainers().add(mkdir("s3a://logs/other"));

    only(release.check(), S3aEventLogDirCreated.ID, "Deployment/spark-connect", "spark-connect",
        "spec.template.spec.initContainers");
  }

  @Test
  void aSidecarDoesNotRunFirst() {
    connectServerLogsToS3(true);
    release.connectPod().getInitContainers().get(0).setRestartPolicy("Always");

    only(release.check(), S3aEventLogDirCreated.ID, "Deployment/spark-connect", "spark-connect",
        "spec.template.spec.initContainers");
  }

  @Test
  void theHistoryServerWithAndWithoutItsInitContainer() {
    Deployment history = historyServer();
    release.extra.add(history);
    release.extra.add(new ConfigMapBuilder().withNewMetadata().withName("history-conf")
        .withLabels(Labels.of("history")).endMetadata()
        .addToData("spark-defaults.conf", "spark.history.fs.logDirectory " + DIR + "\n").build());
    assertThat(release.check()).isEmpty();

    history.getSpec().getTemplate().getSpec().getInitContainers().clear();

    Finding f = only(release.check(), S3aEventLogDirCreated.ID, "Deployment/spark-history", "spark-history",
        "spec.template.spec.initContainers");
    assertThat(f.message()).contains("History Server reads event logs from " + DIR);
  }

  @Test
  void anApacheDriverWithoutTheInitContainer() {
    applicationLogsToS3(release.apacheApp);

    Finding f = only(release.check(), S3aEventLogDirCreated.ID, "SparkApplication/spark-pi", null,
        "spec.driverSpec.podTemplateSpec.spec.initContainers");
    assertThat(f.message()).contains("the driver writes its event log to " + DIR);
  }

  @Test
  void anApacheDriverWithTheInitContainerInItsTemplate() {
    applicationLogsToS3(release.apacheApp);
    release.editApacheTemplate("driver", t -> t.getSpec().setInitContainers(List.of(mkdir(DIR))));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void aKubeflowDriverGetsItFromTheTypedInitContainersOrNot() {
    SparkApplicationFixtures.path(release.kubeflowApp, "spec").put("image", IMAGE);
    applicationLogsToS3(release.kubeflowApp);

    only(release.check(), S3aEventLogDirCreated.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.driver.template.spec.initContainers");

    release.kubeflowRole("driver").put("initContainers", List.of(SparkApplicationFixtures.toMap(mkdir(DIR))));
    assertThat(release.check()).isEmpty();
  }

  /** The application's driver logs to {@link #DIR} on an image with S3A. */
  private static void applicationLogsToS3(GenericKubernetesResource app) {
    Map<String, Object> conf = SparkApplicationFixtures.path(app, "spec", "sparkConf");
    conf.put("spark.kubernetes.container.image", IMAGE);
    conf.put("spark.eventLog.enabled", "true");
    conf.put("spark.eventLog.dir", DIR);
  }

  /** The chart's create-event-log-dir init container, in short. */
  private static Container mkdir(String dir) {
    return new ContainerBuilder().withName("create-event-log-dir").withImage(IMAGE)
        .withCommand(Workloads.launched("/opt/spark/bin/spark-submit"))
        .withArgs("--class", "org.apache.hadoop.fs.FsShell", "spark-internal", "-mkdir", "-p", dir)
        .withSecurityContext(Security.container())
        .build();
  }

  private static Deployment historyServer() {
    return new DeploymentBuilder()
        .withNewMetadata().withName("spark-history").withLabels(Labels.of("history")).endMetadata()
        .withNewSpec().withNewSelector().withMatchLabels(Labels.selector("history")).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(Labels.of("history")).withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(Security.restrictedPod())
        .addToInitContainers(mkdir(DIR))
        .addNewContainer().withName("spark-history").withImage(IMAGE)
        .withCommand(Workloads.launched("/opt/spark/bin/spark-class"))
        .withArgs("org.apache.spark.deploy.history.HistoryServer")
        .addNewVolumeMount().withName("history-conf").withMountPath("/opt/spark/conf").endVolumeMount()
        .withSecurityContext(Security.container())
        .endContainer()
        .addNewVolume().withName("history-conf").withNewConfigMap().withName("history-conf").endConfigMap().endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
