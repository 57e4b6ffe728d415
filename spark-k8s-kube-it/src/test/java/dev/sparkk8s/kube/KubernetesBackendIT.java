package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.connect.RowValues;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubernetes backend with Spark's own Kubernetes scheduler: the chart's Connect server (the
 * driver) against a Kubernetes API, executors as pods Spark created from the chart's template,
 * run by the local kubelet. The release is installed as a platform team would on a shared cluster,
 * with the README's examples (docs/examples: placement, secrets, scratch space, GPUs), sized for
 * this machine and with a GPU discovery script of the test's: the executor pods land on the node
 * through its labels and taints with their priority class, read the Secrets as files and variables,
 * put their shuffle files on claims Spark created, and get the node's GPUs; with S3 (an S3 server on
 * this machine, its keys in a Secret of the namespace), which the executors write Parquet to
 * through the S3A magic committer; with monitoring on, the driver serves the executor pods' metrics;
 * with decommission on, an executor pod deleted mid-query decommissions and the query's answer is right.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KubernetesBackendIT {

  private static final String DB_PASSWORD = "s3cr3t-from-the-secret";
  private static final String TRUSTSTORE_PASSWORD = "truststore-password-from-a-file";
  private static final String TLS_DIR = "/etc/secrets/kafka-tls";
  private static final String GPU = "nvidia.com/gpu";

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void queriesRunOnTemplatePodsSurviveAPodDeletionAndStayWithinTheRole(String version,
      @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path runDir) throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.setup(Charts.chartDir(), version, runDir)
        .valuesFiles(example("placement.yaml"), example("secrets.yaml"), example("scratch-space.yaml"),
            example("gpus.yaml"))
        .sets(List.of("spark.executor.instances=2", "spark.executor.cores=1", "spark.executor.memory=1g",
            "spark.executor.gpu.taskAmount=1", "spark.executor.gpu.discoveryScript=" + oneGpuScript(),
            "spark.executor.localStorage.size=1Gi", "monitoring.enabled=true",
            // A pod deleted mid-query decommissions first (the image's preStop hook): without it,
            // Spark 4.1 reports each task sent to the stopping executor as failed, and can abort the query.
            "spark.decommission.enabled=true",
            "spark.executor.pod.extraEnv[0].name=KAFKA_TLS_DIR", "spark.executor.pod.extraEnv[0].value=" + TLS_DIR))
        .existing(secret("warehouse-db", "password", DB_PASSWORD),
            secret("kafka-tls", "kafka.properties", "ssl.truststore.password=" + TRUSTSTORE_PASSWORD),
            new ConfigMapBuilder().withNewMetadata().withName("corporate-ca").endMetadata()
                .addToData("ca.crt", "-----BEGIN CERTIFICATE-----\n").build(),
            new PriorityClassBuilder().withNewMetadata().withName("spark-services").endMetadata().withValue(1000).build(),
            new PriorityClassBuilder().withNewMetadata().withName("spark-batch").endMetadata().withValue(100).build(),
            new StorageClassBuilder().withNewMetadata().withName("fast-ssd").endMetadata()
                .withProvisioner("csi.example.com").build())
        .node(LocalNode.standard().withLabel("node-pool", "spark-spot").withLabel("disktype", "ssd")
            .withLabel("nvidia.com/gpu.present", "true").withNoScheduleTaint(GPU, null).withExtendedResource(GPU, 2))
        .withS3()
        .start()) {
      assertThat(run.release().objects()).as("the rendered release, untouched by applying it")
          .extracting(o -> o.getMetadata().getNamespace()).containsOnlyNulls();
      assertThat(DeploymentCheck.failures(run.connectUrl(), "s3a://" + KubernetesBackendRun.S3_BUCKET + "/check"))
          .as("known-answer queries through %s, Parquet on S3 written by the executor pods", run.connectUrl()).isEmpty();
      assertThat(new ObjectMapper().readTree(run.s3Data().resolve(KubernetesBackendRun.S3_BUCKET + "/check/_SUCCESS")
          .toFile()).path("committer").asText()).as("the committer of the Parquet files").isEqualTo("magic");
      assertThat(run.kubelet().refused()).isEmpty();
      List<Pod> pods = run.kubelet().startedPods();
      assertExecutorPodsFollowTheTemplate(pods);
      assertPlacedAsTheValuesSay(pods);
      assertOneClaimPerExecutor(run, pods);
      assertOneGpuPerExecutor(run, pods);
      assertTheDriverServesTheExecutorPodsMetrics(run);

      SparkSession spark = ConnectSessions.open(run.connectUrl());
      try {
        assertThat(RowValues.of(spark.sql(executorEnvironmentAndFiles()).collectAsList()))
            .as("(executor id, secret variable, secret file, extra variables) on every executor: the executors' own"
                + " environment and mounted files, not the driver's")
            .hasSizeGreaterThanOrEqualTo(1)
            .allSatisfy(row -> {
              assertThat(row.get(0)).as("SPARK_EXECUTOR_ID").isNotNull();
              assertThat(row.get(1)).isEqualTo(DB_PASSWORD);
              assertThat((String) row.get(2)).contains("ssl.truststore.password -> " + TRUSTSTORE_PASSWORD);
              assertThat(row.get(3)).as("TZ from pods.extraEnv").isEqualTo("UTC");
              assertThat(row.get(4)).as("NODE_NAME from spec.nodeName").isEqualTo(LocalNode.NAME);
            });

        KnownAnswerQuery slowSum = KnownAnswers.slowSum(30, 300);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, slowSum));
        Waits.until("two executor processes running", () -> run.kubelet().runningCount() >= 2);
        Thread.sleep(2000);
        assertThat(answer).as("still running when the pod is deleted").isNotDone();
        // While the query's shuffle is live (the driver may clean up a finished query's shuffle files).
        assertShuffleFilesOnTheirClaims(pods, runDir);
        Pod victim = run.executorPods().get(0);
        run.api().client().pods().inNamespace(KubernetesBackendRun.NAMESPACE).resource(victim).delete();

        assertThat(answer.get(3, TimeUnit.MINUTES)).as("wrong answer of " + slowSum.sql()).isNull();
        Waits.until("a replacement executor pod", () -> run.kubelet().startedPods().size() >= 3);
        assertThat(run.executorPods()).extracting(p -> p.getMetadata().getName())
            .doesNotContain(victim.getMetadata().getName());
        assertDecommissionedOnDeletion(run, victim);
      } finally {
        ConnectSessions.close(spark);
      }
      Pod replacement = run.kubelet().startedPods().stream().filter(p -> pods.stream().noneMatch(q -> q.getMetadata().getName().equals(p.getMetadata().getName()))).findFirst().orElseThrow();
      assertThat(claims(run)).as("the replacement's own claim: Spark reuses a claim only once it is 10 minutes old")
          .hasSize(3).extracting(c -> c.getMetadata().getName()).contains(claimOf(replacement));

      List<ApiRequest> requests = run.api().requests();
      assertThat(requests).as("the driver used the API").extracting(ApiRequest::resource)
          .contains("pods", "configmaps", "persistentvolumeclaims");
      assertThat(RbacCheck.denied(requests, run.roles())).as("requests the chart's Role does not allow").isEmpty();
    }
  }

  /** The deleted pod's preStop hook ran, and Spark removed its executor as decommissioned. */
  private static void assertDecommissionedOnDeletion(KubernetesBackendRun run, Pod victim) {
    assertThat(run.kubelet().failedPreStopHooks()).as("failed preStop hooks").isEmpty();
    String id = victim.getMetadata().getLabels().get("spark-exec-id");
    Waits.until("executor " + id + " removed in Spark's REST API", () -> SparkRestApi.of(run.uiUrl()).executors(true)
        .stream().anyMatch(e -> e.path("id").asText().equals(id) && !e.path("isActive").asBoolean()));
    assertThat(SparkRestApi.of(run.uiUrl()).executors(true)).filteredOn(e -> e.path("id").asText().equals(id))
        .singleElement().satisfies(e -> assertThat(e.path("removeReason").asText())
            .as("why the deleted pod's executor went").containsIgnoringCase("decommission"));
  }

  /**
   * Evaluated on the executors (reflect is nondeterministic, so it is never folded on the driver):
   * the executor's id, a Secret's key as a variable, a Secret's file read through the mount path an
   * extra variable names (Spark's own properties-file reader, a static method reflect can call),
   * and two variables of pods.extraEnv.
   */
  private static String executorEnvironmentAndFiles() {
    return "SELECT DISTINCT reflect('java.lang.System', 'getenv', 'SPARK_EXECUTOR_ID'), "
        + "reflect('java.lang.System', 'getenv', 'WAREHOUSE_DB_PASSWORD'), "
        + "reflect('org.apache.spark.util.Utils', 'getPropertiesFromFile', "
        + "concat(reflect('java.lang.System', 'getenv', 'KAFKA_TLS_DIR'), '/kafka.properties')), "
        + "reflect('java.lang.System', 'getenv', 'TZ'), reflect('java.lang.System', 'getenv', 'NODE_NAME') "
        + "FROM range(0, 8, 1, 8)";
  }

  /**
   * With monitoring, the executors' metrics on the kubernetes backend: the driver's summary lists each executor
   * pod's executor (they serve none of their own), and the tasks the known-answer queries ran on them.
   */
  private static void assertTheDriverServesTheExecutorPodsMetrics(KubernetesBackendRun run) throws Exception {
    HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(run.uiUrl() + "/metrics/executors/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(summary.statusCode()).isEqualTo(200);
    for (Pod pod : run.executorPods()) {
      String id = pod.getMetadata().getLabels().get("spark-exec-id");
      assertThat(summary.body()).as("executor %s of pod %s", id, pod.getMetadata().getName())
          .containsPattern("(?m)^metrics_executor_totalCores\\{[^}]*executor_id=\"" + id + "\"} 1$")
          .containsPattern("(?m)^metrics_executor_completedTasks_total\\{[^}]*executor_id=\"" + id + "\"} [0-9]+$");
    }
    assertThat(summary.body()).as("tasks the known-answer queries ran on the executors")
        .containsPattern("(?m)^metrics_executor_completedTasks_total\\{[^}]*executor_id=\"[1-9][0-9]*\"} [1-9]");
  }

  private static void assertExecutorPodsFollowTheTemplate(List<Pod> pods) {
    assertThat(pods).as("executor pods Spark created").hasSizeGreaterThanOrEqualTo(2);
    for (Pod pod : pods) {
      assertThat(pod.getMetadata().getLabels())
          .containsEntry("app.kubernetes.io/component", "executor")
          .containsEntry("app.kubernetes.io/instance", "spark")
          .containsEntry("spark-role", "executor");
      assertThat(pod.getSpec().getSecurityContext().getRunAsNonRoot()).isTrue();
      assertThat(pod.getSpec().getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
      assertThat(pod.getSpec().getAutomountServiceAccountToken()).isFalse();
      Container executor = pod.getSpec().getContainers().get(0);
      assertThat(executor.getName()).isEqualTo("spark-executor");
      assertThat(executor.getEnv()).as("Spark adds SPARK_USER itself; the template must not repeat it")
          .extracting(EnvVar::getName).doesNotHaveDuplicates().contains("SPARK_USER", "HADOOP_USER_NAME");
      assertThat(executor.getEnv()).as("the S3 keys, from the Secret (the kubelet resolves it from the API)")
          .filteredOn(v -> v.getName().startsWith("AWS_")).hasSize(2)
          .allSatisfy(v -> assertThat(v.getValueFrom().getSecretKeyRef().getName()).isEqualTo(KubernetesBackendRun.S3_SECRET));
      assertThat(executor.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(executor.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(executor.getResources().getLimits().get("memory").toString()).isEqualTo("1408Mi");
      assertThat(executor.getResources().getRequests().get("memory").toString()).isEqualTo("1408Mi");
    }
  }

  /** placement.yaml with gpus.yaml over it: the executor pod values merged with pods'. */
  private static void assertPlacedAsTheValuesSay(List<Pod> pods) {
    for (Pod pod : pods) {
      assertThat(pod.getSpec().getNodeSelector()).containsExactlyInAnyOrderEntriesOf(Map.of("node-pool", "spark-spot",
          "disktype", "ssd", "nvidia.com/gpu.present", "true"));
      assertThat(pod.getSpec().getTolerations()).extracting(Toleration::getKey).containsExactly(GPU);
      assertThat(pod.getSpec().getPriorityClassName()).isEqualTo("spark-batch");
      assertThat(pod.getSpec().getTerminationGracePeriodSeconds()).isEqualTo(60L);
      assertThat(pod.getSpec().getNodeName()).isEqualTo(LocalNode.NAME);
      assertThat(pod.getMetadata().getLabels()).containsEntry("team", "data-platform")
          .containsEntry("workload", "spark-executor");
      assertThat(pod.getMetadata().getAnnotations()).containsEntry("owner", "data-platform@example.com");
      assertThat(pod.getSpec().getContainers().get(0).getEnv()).extracting(EnvVar::getName)
          .contains("TZ", "NODE_NAME", "KAFKA_TLS_DIR", "WAREHOUSE_DB_PASSWORD");
    }
  }

  /** One claim per executor, created by Spark (owned by the driver pod), bound, and mounted as the executor's local dir. */
  private static void assertOneClaimPerExecutor(KubernetesBackendRun run, List<Pod> pods) {
    List<PersistentVolumeClaim> claims = claims(run);
    assertThat(claims).as("a claim per executor").hasSameSizeAs(pods);
    for (PersistentVolumeClaim claim : claims) {
      assertThat(claim.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
      assertThat(claim.getSpec().getResources().getRequests().get("storage")).hasToString("1Gi");
      assertThat(claim.getStatus().getPhase()).isEqualTo("Bound");
      assertThat(claim.getMetadata().getOwnerReferences()).extracting(o -> o.getKind() + "/" + o.getName())
          .containsExactly("Pod/connect");
    }
    assertThat(pods).extracting(KubernetesBackendIT::claimOf)
        .containsExactlyInAnyOrderElementsOf(claims.stream().map(c -> c.getMetadata().getName()).toList());
  }

  /** Each executor's shuffle files (.data, .index) in the directory of its claim. */
  private static void assertShuffleFilesOnTheirClaims(List<Pod> pods, Path runDir) throws IOException {
    for (Pod pod : pods) {
      String claim = claimOf(pod);
      try (Stream<Path> files = Files.walk(runDir.resolve("volumes").resolve(claim))) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("shuffle files of %s on its claim %s", pod.getMetadata().getName(), claim)
            .anyMatch(name -> name.endsWith(".data")).anyMatch(name -> name.endsWith(".index"));
      }
    }
  }

  /** The pods ask for one GPU each; the discovery script reported device 0 to every executor; tasks need one. */
  private static void assertOneGpuPerExecutor(KubernetesBackendRun run, List<Pod> pods) {
    for (Pod pod : pods) {
      assertThat(pod.getSpec().getContainers().get(0).getResources().getLimits().get(GPU)).hasToString("1");
    }
    SparkRestApi rest = SparkRestApi.of(run.uiUrl());
    List<JsonNode> executors = rest.executors(false).stream().filter(e -> !e.path("id").asText().equals("driver"))
        .toList();
    assertThat(executors).isNotEmpty().allSatisfy(e ->
        assertThat(e.path("resources").path("gpu").path("addresses").toString()).isEqualTo("[\"0\"]"));
    JsonNode profile = rest.environment().path("resourceProfiles").path(0);
    assertThat(profile.path("executorResources").path("gpu").path("amount").asInt()).isEqualTo(1);
    assertThat(profile.path("taskResources").path("gpu").path("amount").asDouble()).isEqualTo(1.0);
  }

  private static String claimOf(Pod pod) {
    return pod.getSpec().getVolumes().stream().filter(v -> v.getName().equals("spark-local-dir-1")).findFirst()
        .orElseThrow().getPersistentVolumeClaim().getClaimName();
  }

  private static List<PersistentVolumeClaim> claims(KubernetesBackendRun run) {
    return run.api().client().persistentVolumeClaims().inNamespace(KubernetesBackendRun.NAMESPACE).list().getItems();
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String name, String key, String value) {
    return new SecretBuilder().withNewMetadata().withName(name).endMetadata()
        .addToData(key, Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))).build();
  }

  /**
   * A discovery script that reports one GPU, device 0, as Spark's resource JSON: a file of the
   * "image", the machine's file system outside every directory the executor pods mount. Spark hands
   * the driver's path to the executors, so a mounted path (a ConfigMap's) would not be rewritten
   * for them; and /tmp is the pods' own, as is a checkout under it: the user's cache directory.
   */
  private static String oneGpuScript() throws IOException {
    Path script = Files.createDirectories(Path.of(System.getProperty("user.home"), ".cache", "spark-k8s-tests",
        "gpu-discovery")).resolve("one-gpu.sh");
    assertThat(script.toString()).as("a path no executor pod mounts").doesNotStartWith("/tmp/");
    Files.writeString(script, "#!/bin/sh\necho '{\"name\": \"gpu\", \"addresses\": [\"0\"]}'\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    return script.toString();
  }

  private static Path example(String name) {
    return Charts.chartDir().getParent().getParent().resolve("docs/examples").resolve(name);
  }
}
