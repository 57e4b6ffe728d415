package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.ValuesException;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * spark.jobs: the batch-job profile a release renders for `spark-k8s jobs submit`: a batch application gets what
 * the Connect server's executors get (image, sizing, executor template, security, S3, monitoring, secrets,
 * placement), in cluster deploy mode, with a driver pod template that meets the security profile and a Role.
 */
class JobProfileTest {

  /** Every feature whose settings a batch application must get as the Connect server does. */
  private static final Map<String, Object> EVERYTHING = Map.ofEntries(
      Map.entry("spark.jobs.enabled", true),
      Map.entry("spark.image.repository", ValuesContext.S3A_IMAGE),
      Map.entry("spark.s3.enabled", true),
      Map.entry("spark.s3.credentials.secretName", "s3-credentials"),
      Map.entry("spark.eventLog.enabled", true),
      Map.entry("spark.eventLog.dir", "s3a://spark-logs/events"),
      Map.entry("spark.secrets", List.of(Map.of("secretName", "db", "key", "password", "envName", "DB_PASSWORD"))),
      Map.entry("pods.nodeSelector", Map.of("pool", "spark")),
      Map.entry("spark.jobs.driver.pod", Map.of("priorityClassName", "batch")),
      Map.entry("monitoring.enabled", true),
      Map.entry("spark.decommission.enabled", true),
      Map.entry("spark.conf", Map.of("spark.sql.ansi.enabled", "true")));

  /** Keys only the Connect server has: its name, its gRPC service, its fixed driver ports, its own mode and jars. */
  private static final List<String> CONNECT_ONLY = List.of("spark.app.name", "spark.connect.", "spark.driver.port",
      "spark.driver.blockManager.port", "spark.submit.deployMode", "spark.jars.", "spark.kubernetes.driver.",
      "spark.kubernetes.authenticate.driver.", "spark.sql.codegen.cache.");

  @TempDir
  static Path dir;

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void aBatchJobGetsWhatTheConnectServersExecutorsGet(String version, String backend) {
    JobPods release = JobPods.render(dir, backend, version, EVERYTHING);
    Map<String, String> job = jobConf(release);

    assertThat(job).containsAllEntriesOf(withoutConnectOnlyKeys(release.conf()))
        .containsEntry("spark.sql.ansi.enabled", "true")
        .containsEntry("spark.hadoop.fs.s3a.path.style.access", "true")
        .containsEntry("spark.eventLog.dir", "s3a://spark-logs/events")
        .containsEntry("spark.metrics.namespace", "spark")
        .containsEntry("spark.decommission.enabled", "true")
        .doesNotContainKeys("spark.app.name", "spark.connect.grpc.binding.port", "spark.driver.port",
            "spark.sql.codegen.cache.maxEntries");
    if (!release.operator()) {
      assertThat(job).containsEntry("spark.submit.deployMode", "cluster");
    }
    if (backend.equals("standalone")) {
      assertThat(job).containsEntry("spark.master", "spark://spark-spark-k8s-master:7077")
          .containsEntry("spark.standalone.submit.waitAppCompletion", "true");
      assertThat(profile(release).getData()).containsOnlyKeys(ChartConfigMap.SPARK_DEFAULTS,
          ChartConfigMap.DERIVED_KEYS, ChartConfigMap.SUBMISSION_JOB, "submit.sh");
    } else {
      assertThat(job).containsEntry("spark.kubernetes.authenticate.driver.serviceAccountName", "spark-spark-k8s")
          .containsEntry("spark.kubernetes.appKillPodDeletionGracePeriod", "30s");
      PodSpec executor = executorTemplate(release).getSpec();
      PodSpec connectExecutor = release.executor().orElseThrow();
      assertThat(executor.getContainers()).as("the Connect server's executors' containers")
          .isEqualTo(connectExecutor.getContainers());
      assertThat(executor.getVolumes()).isEqualTo(connectExecutor.getVolumes());
      assertThat(executor.getSecurityContext()).isEqualTo(connectExecutor.getSecurityContext());
      assertThat(executor.getNodeSelector()).isEqualTo(connectExecutor.getNodeSelector());
      assertDriverTemplateMeetsTheProfile(release, driverTemplate(release));
    }
    if (backend.equals("kubernetes")) {
      assertThat(job).containsEntry("spark.master", "k8s://https://kubernetes.default.svc")
          .containsEntry("spark.kubernetes.driver.podTemplateFile", "/opt/spark/pod-templates/driver-pod-template.yaml")
          .containsEntry("spark.kubernetes.executor.podTemplateFile",
              "/opt/spark/pod-templates/executor-pod-template.yaml")
          .containsEntry("spark.kubernetes.driver.podTemplateContainerName", "spark-driver")
          .containsEntry("spark.kubernetes.submission.waitAppCompletion", "false");
    }
    assertThat(release.findings()).extracting(Finding::describe).isEmpty();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void theProfileAloneRendersWithoutAConnectServer(String version, String backend) {
    JobPods release = JobPods.render(dir, backend, version, Map.of("spark.jobs.enabled", true,
        "spark.connect.enabled", false, "spark.standalone.enabled", backend.equals("standalone")));
    assertThat(jobConf(release)).containsKey("spark.executor.memory");
    boolean kubernetesApi = !backend.equals("standalone");
    assertThat(release.view().has("Role", ReleaseView.FULLNAME + "-driver"))
        .as("the Role of a cluster-mode driver").isEqualTo(kubernetesApi);
    if (kubernetesApi) {
      Role role = release.view().get(Role.class, "Role", ReleaseView.FULLNAME + "-driver");
      assertThat(role.getRules()).anySatisfy(r -> {
        assertThat(r.getResources()).containsExactly("pods");
        assertThat(r.getVerbs()).contains("create", "watch", "delete");
      });
      assertThat(release.view().has("ServiceAccount", ReleaseView.FULLNAME)).isTrue();
    }
    assertThat(release.findings()).extracting(Finding::describe).isEmpty();
  }

  @Test
  void kubeflowTemplatesCarryTheContainerNamesItsOperatorForces() {
    JobPods release = JobPods.render(dir, "operator/kubeflow", "4.1", Map.of("spark.jobs.enabled", true));
    assertThat(driverTemplate(release).getSpec().getContainers().get(0).getName())
        .isEqualTo("spark-kubernetes-driver");
    assertThat(executorTemplate(release).getSpec().getContainers().get(0).getName())
        .isEqualTo("spark-kubernetes-executor");
    assertThat(jobConf(release)).containsEntry("spark.kubernetes.driver.podTemplateContainerName",
        "spark-kubernetes-driver").containsEntry("spark.kubernetes.executor.podTemplateContainerName",
        "spark-kubernetes-executor");
    assertThat(profile(release).getMetadata().getAnnotations())
        .containsEntry(ChartLabels.OPERATOR_FLAVOR_ANNOTATION, "kubeflow")
        .containsEntry(ChartLabels.BACKEND_ANNOTATION, "operator");
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)
  void aSubmissionMayOverrideOnlyWhatTheChartDoesNotDerive(String version, String backend) {
    JobPods release = JobPods.render(dir, backend, version, EVERYTHING);
    List<String> derived = profile(release).getData().get(ChartConfigMap.DERIVED_KEYS).lines().toList();
    assertThat(derived).contains("spark.master", "spark.executor.memory", "spark.kubernetes.driver.pod.name")
        .doesNotContain("spark.sql.ansi.enabled", "spark.serializer", "spark.sql.shuffle.partitions");
    if (!backend.equals("standalone")) {
      assertThat(derived).contains("spark.kubernetes.container.image");
    }
  }

  @Test
  void theOperatorProfileNamesItsSparkRelease() {
    JobPods release = JobPods.render(dir, "operator/apache", "3.5", Map.of("spark.jobs.enabled", true));
    assertThat(profile(release).getMetadata().getAnnotations())
        .containsEntry(ChartLabels.SPARK_RELEASE_ANNOTATION, "3.5.5")
        .containsEntry(ChartLabels.SCALA_VERSION_ANNOTATION, "2.12");
  }

  /**
   * A Standalone worker starts a cluster-mode driver without the Java module options spark-submit gives the drivers it
   * starts itself: the profile gives the line's own (its launcher's JavaModuleOptions), then the user's.
   */
  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void aStandaloneDriverGetsItsLinesJavaModuleOptionsThenTheUsers(String version) throws Exception {
    JobPods plain = JobPods.render(dir, "standalone", version, Map.of("spark.jobs.enabled", true));
    JobPods withUsers = JobPods.render(dir, "standalone", version, Map.of("spark.jobs.enabled", true,
        "spark.conf", Map.of("spark.driver.extraJavaOptions", "-Dteam=data")));

    String launchers = SparkLineJars.javaModuleOptions(version);
    assertThat(jobConf(plain)).containsEntry("spark.driver.extraJavaOptions", launchers);
    assertThat(jobConf(withUsers)).containsEntry("spark.driver.extraJavaOptions", launchers + " -Dteam=data");
    assertThat(withUsers.conf()).containsEntry("spark.driver.extraJavaOptions", "-Dteam=data");
  }

  @Test
  void noProfileUnlessAsked() {
    JobPods release = JobPods.render(dir, "kubernetes", "4.1", Map.of());
    assertThat(SparkDefaults.job(release.view().release())).isEmpty();
  }

  @Test
  void theKillGracePeriodIsTheValue() {
    JobPods release = JobPods.render(dir, "kubernetes", "3.5",
        Map.of("spark.jobs.enabled", true, "spark.jobs.killGracePeriodSeconds", 90));
    assertThat(jobConf(release)).containsEntry("spark.kubernetes.appKillPodDeletionGracePeriod", "90s");
  }

  @Test
  void typosAndDerivedKeysAreRefusedNamingTheKey() {
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.jobs.enabeld", true)))
        .isInstanceOf(ValuesException.class).hasMessageContaining("enabeld");
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1",
        Map.of("spark.jobs.enabled", true, "spark.jobs.killGracePeriodSeconds", -1)))
        .isInstanceOf(ValuesException.class).hasMessageContaining("killGracePeriodSeconds");
    assertThatThrownBy(() -> JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.jobs.enabled", true,
        "spark.conf", Map.of("spark.kubernetes.driver.podTemplateFile", "/elsewhere.yaml"))))
        .isInstanceOf(ValuesException.class)
        .hasMessageContaining("spark.conf.spark.kubernetes.driver.podTemplateFile: the chart derives");
  }

  private static void assertDriverTemplateMeetsTheProfile(JobPods release, Pod driver) {
    assertThat(driver.getMetadata().getLabels()).containsEntry(ChartLabels.COMPONENT, ChartLabels.JOB_DRIVER_COMPONENT)
        .containsEntry(ChartLabels.INSTANCE, "spark");
    assertThat(driver.getMetadata().getAnnotations()).containsEntry(ChartLabels.SECURITY_PROFILE_ANNOTATION,
        "restricted");
    PodSpec spec = driver.getSpec();
    assertThat(spec.getServiceAccountName()).as("Kubeflow types it in the SparkApplication")
        .isEqualTo(release.backend().equals("operator/kubeflow") ? null : "spark-spark-k8s");
    assertThat(spec.getAutomountServiceAccountToken()).as("the driver creates its executors").isTrue();
    assertThat(spec.getSecurityContext().getRunAsNonRoot()).isTrue();
    assertThat(spec.getNodeSelector()).containsEntry("pool", "spark");
    assertThat(spec.getPriorityClassName()).isEqualTo("batch");
    assertThat(spec.getInitContainers()).as("the s3a:// event-log prefix").isNotEmpty();
    Container spark = JobPods.spark(spec);
    assertThat(spark.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
    assertThat(spark.getEnv()).extracting(e -> e.getName())
        .contains("AWS_ACCESS_KEY_ID", "DB_PASSWORD").doesNotContain("SPARK_USER");
    assertThat(spark.getPorts()).as("no Connect port").isNullOrEmpty();
    assertThat(release.executor().orElseThrow().getNodeSelector()).containsEntry("pool", "spark");
  }

  private static Map<String, String> withoutConnectOnlyKeys(Map<String, String> connect) {
    Map<String, String> shared = new TreeMap<>(connect);
    shared.keySet().removeIf(k -> CONNECT_ONLY.stream().anyMatch(k::startsWith));
    return shared;
  }

  private static Map<String, String> jobConf(JobPods release) {
    return SparkDefaults.job(release.view().release()).orElseThrow(() -> new AssertionError("no job profile"));
  }

  private static ConfigMap profile(JobPods release) {
    return release.view().configMap("job-profile");
  }

  private static Pod driverTemplate(JobPods release) {
    return template(release, ChartConfigMap.DRIVER_POD_TEMPLATE);
  }

  private static Pod executorTemplate(JobPods release) {
    return template(release, ChartConfigMap.EXECUTOR_POD_TEMPLATE_KEY);
  }

  private static Pod template(JobPods release, String key) {
    String yaml = profile(release).getData().get(key);
    assertThat(yaml).as(key).isNotNull();
    return new KubernetesSerialization().unmarshal(yaml, Pod.class);
  }
}
