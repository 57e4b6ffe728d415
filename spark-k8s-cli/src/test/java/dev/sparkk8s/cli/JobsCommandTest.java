package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.kube.MockKubernetesApi;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jobs list|status|kill|logs} against the mock Kubernetes API in CRUD mode, with the job profile the chart
 * renders installed and driver pods (or SparkApplications) labelled as Spark and the operators label them.
 */
class JobsCommandTest {

  private static final String NS = "spark";

  private MockKubernetesApi api;
  private KubernetesClient client;
  private Path kubeconfig;

  @BeforeEach
  void start(@TempDir Path dir) throws IOException {
    api = new MockKubernetesApi();
    client = api.client();
    kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"), NS);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void killByGlobStopsTheJobsItNamesWithSparksGracePeriodAndLeavesTheOthers() {
    installProfile("spark.connect.mode.k8s.backend=kubernetes", "spark.jobs.killGracePeriodSeconds=45");
    for (String id : List.of("nightly-a", "nightly-b", "weekly-c")) {
      driverPod(id, "Running");
    }
    assertThat(jobs("list").out()).contains("nightly-a", "nightly-b", "weekly-c")
        .containsPattern("weekly-c +RUNNING +pod/Running");

    Cli.Result kill = jobs("kill", "nightly-*");
    assertThat(kill.exitCode()).as(kill.toString()).isZero();
    assertThat(kill.out().lines()).containsExactly("killed nightly-a", "killed nightly-b");

    for (String id : List.of("nightly-a", "nightly-b")) {
      Pod pod = client.pods().inNamespace(NS).withName(id).get();
      assertThat(pod.getMetadata().getDeletionTimestamp()).as(id + " terminating").isNotNull();
      assertThat(pod.getMetadata().getDeletionGracePeriodSeconds()).as("the profile's grace period").isEqualTo(45L);
      assertThat(jobs("status", id).out()).containsPattern(id + " +KILLED");
    }
    assertThat(client.pods().inNamespace(NS).withName("weekly-c").get().getMetadata().getDeletionTimestamp())
        .isNull();
    assertThat(jobs("status", "weekly-c").out()).containsPattern("weekly-c +RUNNING");
  }

  @Test
  void aGlobThatMatchesNothingAndAnUnknownJobAreOneLineWithExitCode2() {
    installProfile("spark.connect.mode.k8s.backend=kubernetes");
    driverPod("nightly-a", "Running");

    assertOneLineExit2(jobs("kill", "hourly-*"), "spark-k8s: no job matches hourly-* of release spark in namespace spark");
    assertOneLineExit2(jobs("status", "nope"), "spark-k8s: no job nope of release spark in namespace spark");
    assertOneLineExit2(jobs("logs", "nope"), "spark-k8s: no job nope of release spark in namespace spark");
    assertThat(client.pods().inNamespace(NS).withName("nightly-a").get().getMetadata().getDeletionTimestamp()).isNull();
  }

  @Test
  void aReleaseWithoutAJobProfileIsOneLineWithExitCode2() {
    assertOneLineExit2(jobs("list"), "spark-k8s: release spark in namespace spark has no job profile: install it "
        + "with --set spark.jobs.enabled=true");
    assertOneLineExit2(jobs("list", "--kubeconfig", "/nonexistent"), "spark-k8s: --kubeconfig /nonexistent: cannot read it");
  }

  @Test
  void logsAreTheDriversOrAnExecutors() {
    installProfile("spark.connect.mode.k8s.backend=kubernetes");
    Pod driver = driverPod("pi", "Succeeded");
    client.pods().inNamespace(NS).resource(new PodBuilder().withNewMetadata().withName("pi-exec-1")
        .withLabels(Map.of("spark-role", "executor", "spark-exec-id", "1", "spark-app-selector",
            driver.getMetadata().getLabels().get("spark-app-selector"))).endMetadata()
        .withNewSpec().addNewContainer().withName("spark-executor").withImage("apache/spark:4.1.1").endContainer()
        .endSpec().build()).create();
    api.podLog(NS, "pi", () -> "Pi is roughly 3.14159\n");
    api.podLog(NS, "pi-exec-1", () -> "Finished task 0.0 in stage 0.0\n");

    assertThat(jobs("logs", "pi").out()).isEqualTo("Pi is roughly 3.14159\n");
    assertThat(jobs("logs", "pi", "--executor", "1").out()).isEqualTo("Finished task 0.0 in stage 0.0\n");
    assertOneLineExit2(jobs("logs", "pi", "--executor", "7"), "spark-k8s: job pi has no executor 7");
  }

  @Test
  void operatorJobsAreTheirSparkApplicationsWithTheOperatorsState() {
    installProfile("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=kubeflow");
    ResourceDefinitionContext crd = new ResourceDefinitionContext.Builder().withGroup("sparkoperator.k8s.io")
        .withVersion("v1beta2").withKind("SparkApplication").withPlural("sparkapplications").withNamespaced(true)
        .build();
    for (String[] app : List.of(new String[] {"nightly-1", "COMPLETED"}, new String[] {"nightly-2", "RUNNING"},
        new String[] {"adhoc", "FAILED"})) {
      GenericKubernetesResource resource = new KubernetesSerialization().unmarshal("""
          apiVersion: sparkoperator.k8s.io/v1beta2
          kind: SparkApplication
          metadata:
            name: %s
            labels: {app.kubernetes.io/instance: spark, app.kubernetes.io/component: job-driver}
          status: {applicationState: {state: %s}}
          """.formatted(app[0], app[1]), GenericKubernetesResource.class);
      client.genericKubernetesResources(crd).inNamespace(NS).resource(resource).create();
    }
    String list = jobs("list").out();
    assertThat(list).containsPattern("nightly-1 +SUCCEEDED +sparkapplication/COMPLETED")
        .containsPattern("nightly-2 +RUNNING").containsPattern("adhoc +FAILED");

    assertThat(jobs("kill", "nightly-?").out().lines()).containsExactly("killed nightly-1", "killed nightly-2");
    assertThat(client.genericKubernetesResources(crd).inNamespace(NS).list().getItems())
        .extracting(r -> r.getMetadata().getName()).containsExactly("adhoc");
  }

  @Test
  void submitOnTheOperatorBackendCreatesTheSparkApplicationAndWaitFollowsItToItsEnd() throws Exception {
    installProfile("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=apache");
    ResourceDefinitionContext crd = new ResourceDefinitionContext.Builder().withGroup("spark.apache.org")
        .withVersion("v1").withKind("SparkApplication").withPlural("sparkapplications").withNamespaced(true).build();
    Thread operator = new Thread(() -> {
      for (String state : List.of("DriverRequested", "RunningHealthy", "Succeeded", "ResourceReleased")) {
        Poll.sleep(Duration.ofMillis(1500));
        GenericKubernetesResource app = client.genericKubernetesResources(crd).inNamespace(NS).withName("pi").get();
        if (app == null) {
          continue;
        }
        Map<String, Object> history = new HashMap<>();
        history.put("0", Map.of("currentStateSummary", "Succeeded"));
        app.getAdditionalProperties().put("status", Map.of("currentState", Map.of("currentStateSummary", state),
            "stateTransitionHistory", history));
        client.genericKubernetesResources(crd).inNamespace(NS).resource(app).update();
      }
    });
    operator.start();
    Cli.Result r = jobs("submit", "--name", "pi", "--class", "org.apache.spark.examples.SparkPi", "--wait",
        "--conf", "spark.sql.shuffle.partitions=4", "local:///opt/spark/examples/jars/spark-examples.jar", "100");
    operator.join();

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().findFirst()).contains("pi");
    assertThat(r.out()).containsPattern("pi +RUNNING +sparkapplication/RunningHealthy")
        .containsPattern("pi +SUCCEEDED");
    GenericKubernetesResource app = client.genericKubernetesResources(crd).inNamespace(NS).withName("pi").get();
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = (Map<String, Object>) app.getAdditionalProperties().get("spec");
    assertThat(spec).containsEntry("mainClass", "org.apache.spark.examples.SparkPi")
        .containsEntry("driverArgs", List.of("100"));
    assertThat(spec.get("sparkConf").toString()).contains("spark.sql.shuffle.partitions=4", "spark.app.name=pi");
  }

  @Test
  void submitOnTheStandaloneBackendCreatesTheSubmissionJobAndWaitEndsAsItDoes() throws Exception {
    installProfile("spark.connect.mode.k8s.backend=standalone");
    Thread controller = new Thread(() -> {
      for (String condition : List.of("Running", "Failed")) {
        Poll.sleep(Duration.ofMillis(1500));
        Job job = client.batch().v1().jobs().inNamespace(NS).withName("etl").get();
        if (job == null) {
          continue;
        }
        job.setStatus(condition.equals("Running") ? new JobStatusBuilder().withActive(1).withReady(1).build()
            : new JobStatusBuilder().addNewCondition().withType("Failed").withStatus("True")
                .withReason("BackoffLimitExceeded").withMessage("Job has reached the specified backoff limit")
                .endCondition().build());
        client.batch().v1().jobs().inNamespace(NS).resource(job).updateStatus();
      }
    });
    controller.start();
    Cli.Result r = jobs("submit", "--name", "etl", "--class", "com.example.Etl", "--wait",
        "--conf", "spark.sql.shuffle.partitions=4", "local:///opt/app/etl.jar", "2026-12-03", "$(HOME)");
    controller.join();

    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out().lines().findFirst()).contains("etl");
    assertThat(r.out()).containsPattern("etl +RUNNING").containsPattern("etl +FAILED +job/Failed");
    Job job = client.batch().v1().jobs().inNamespace(NS).withName("etl").get();
    assertThat(job.getMetadata().getLabels()).containsEntry(ChartLabels.COMPONENT, ChartLabels.JOB_DRIVER_COMPONENT)
        .containsEntry(ChartLabels.INSTANCE, "spark");
    assertThat(job.getSpec().getTemplate().getSpec().getContainers().get(0).getArgs()).containsExactly(
        "/opt/spark/job-profile/submit.sh", "--name", "etl", "--class", "com.example.Etl",
        "--conf", "spark.sql.shuffle.partitions=4", "local:///opt/app/etl.jar", "2026-12-03", "$$(HOME)");
  }

  @Test
  void submitOnTheStandaloneBackendRefusesPythonAndAnExistingNameInOneLine() {
    installProfile("spark.connect.mode.k8s.backend=standalone");
    assertOneLineExit2(jobs("submit", "--name", "etl", "local:///opt/app/etl.py"),
        "spark-k8s: APP local:///opt/app/etl.py: Spark's Standalone cluster deploy mode does not run Python");
    assertThat(jobs("submit", "--name", "etl", "--class", "E", "local:///opt/app/etl.jar").exitCode()).isZero();
    assertOneLineExit2(jobs("submit", "--name", "etl", "--class", "E", "local:///opt/app/etl.jar"),
        "spark-k8s: --name etl: job etl exists in namespace spark");
  }

  @Test
  void submitRefusesBadInputInOneLine() {
    installProfile("spark.connect.mode.k8s.backend=operator", "spark.operator.flavor=kubeflow");
    assertOneLineExit2(jobs("submit", "--name", "pi", "--class", "Pi", "--conf", "spark.executor.memory=8g",
        "local:///app.jar"), "spark-k8s: --conf spark.executor.memory: release spark derives this key");
    assertOneLineExit2(jobs("submit", "--name", "pi", "--class", "Pi", "/home/me/app.jar"),
        "spark-k8s: APP /home/me/app.jar: give local:///path");
    assertOneLineExit2(jobs("submit", "--class", "Pi", "local:///app.jar"),
        "spark-k8s: --name: a job on a cluster needs a name, its id");
    assertThat(client.genericKubernetesResources(new ResourceDefinitionContext.Builder()
        .withGroup("sparkoperator.k8s.io").withVersion("v1beta2").withKind("SparkApplication")
        .withPlural("sparkapplications").withNamespaced(true).build()).inNamespace(NS).list().getItems()).isEmpty();
  }

  private Cli.Result jobs(String... args) {
    String[] all = new String[args.length + 3];
    all[0] = "jobs";
    System.arraycopy(args, 0, all, 1, args.length);
    all[args.length + 1] = "--kubeconfig";
    all[args.length + 2] = kubeconfig.toString();
    if (List.of(args).contains("--kubeconfig")) {
      all = new String[args.length + 1];
      all[0] = "jobs";
      System.arraycopy(args, 0, all, 1, args.length);
    }
    return Cli.run(all);
  }

  private static void assertOneLineExit2(Cli.Result r, String start) {
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
    assertThat(r.err().lines()).as(r.toString()).singleElement().asString().startsWith(start);
  }

  /** Renders the repository's chart with jobs on and installs its job profile, as helm install would. */
  private void installProfile(String... sets) {
    RenderRequest.Builder request = RenderRequest.builder().namespace(NS).setArgument("spark.jobs.enabled=true");
    for (String set : sets) {
      request.setArgument(set);
    }
    ConfigMap profile = new ChartRenderer(Cli.repoChart()).render(request.build()).objects(ConfigMap.class).stream()
        .filter(ChartConfigMap.JOB_PROFILE::is).findFirst().orElseThrow();
    client.configMaps().inNamespace(NS).resource(profile).create();
  }

  /** A driver pod as Spark's submission client creates it from the profile's template, bound to a node. */
  private Pod driverPod(String id, String phase) {
    Pod template = new KubernetesSerialization().unmarshal(client.configMaps().inNamespace(NS).list().getItems()
        .get(0).getData().get(ChartConfigMap.DRIVER_POD_TEMPLATE), Pod.class);
    Map<String, String> labels = new HashMap<>(template.getMetadata().getLabels());
    labels.putAll(Map.of(ChartLabels.SPARK_ROLE, "driver", "spark-app-selector", "spark-" + id, "spark-app-name", id));
    Pod pod = new PodBuilder(template).editMetadata().withName(id).withLabels(labels).endMetadata()
        .editSpec().withNodeName("node-1").endSpec().build();
    client.pods().inNamespace(NS).resource(pod).create();
    Pod created = client.pods().inNamespace(NS).withName(id).get();
    created.getStatus().setPhase(phase);
    return client.pods().inNamespace(NS).resource(created).updateStatus();
  }
}
