package dev.sparkk8s.cli;

import static dev.sparkk8s.cli.UpgradeDiffLines.announced;
import static dev.sparkk8s.cli.UpgradeDiffLines.difference;
import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.Release;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.kube.LocalCluster;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code up}, migrations and {@code down} through Helm's own code on the mock API, with real Spark behind the
 * release: the controllers create the workloads' pods and the local kubelet runs them (the Connect server, the
 * Standalone master and worker, the executors Spark creates) as local processes ({@link LocalCluster}). After each
 * step the objects are those the diff announced and the platform answers the known-answer queries; {@code down}
 * leaves no object, no pod and no process of the release.
 */
@Timeout(value = 25, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class LifecycleIT {

  private static final String NS = "spark";
  private static final String RELEASE = "spark";
  private static final Duration READY = Duration.ofMinutes(5);
  private static final String EVENT_LOG_CLAIM = "spark-events";

  @TempDir
  Path runDir;

  @ParameterizedTest(name = "Spark {0}, then {1}")
  @CsvSource({"4.1, 3.5", "3.5, 4.1"})
  void upMigrateAndDownWithSparkRunning(String line, String otherLine) {
    try (LocalCluster cluster = LocalCluster.start(NS, line, runDir)) {
      createEventLogClaim(cluster);
      Cli.Result installed = up(cluster, "--spark", line, "--set", "spark.eventLog.enabled=true",
          "--set", "spark.eventLog.existingClaim=" + EVENT_LOG_CLAIM, "--set", "spark.historyServer.enabled=true");

      assertThat(installed.exitCode()).as(installed.toString()).isZero();
      assertThat(installed.out()).contains("Helm: release spark revision 1 deployed")
          .containsPattern("Connect server pod spark-spark-k8s-connect-\\S+ is ready; asking it a first query");
      assertThat(helmList(cluster)).extracting(Release::getName, Release::getRevision, Release::getStatus)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(RELEASE, "1", "deployed"));
      assertThat(cluster.client().secrets().inNamespace(NS).withLabel("owner", "helm").list().getItems())
          .extracting(secret -> secret.getMetadata().getName()).containsExactly("sh.helm.release.v1.spark.v1");
      answers(cluster, line, "kubernetes");
      assertThat(executorPods(cluster)).as("executor pods Spark created for the Connect server").isNotEmpty();
      Cli.Result status = Cli.run("status", "--kubeconfig", cluster.kubeconfig().toString());
      assertThat(status.exitCode()).as(status.toString()).isZero();
      String connectPod = cluster.readyConnectPod(RELEASE).orElseThrow().getMetadata().getName();
      assertThat(status.out()).contains(", revision 1, deployed")
          .containsPattern("(?m)^connect +" + connectPod + " +Running +yes +0$");
      for (Pod executor : executorPods(cluster)) {
        assertThat(status.out()).containsPattern("(?m)^executor +" + executor.getMetadata().getName() + " +Running +yes");
      }
      Map<String, String> kubernetesBackend = releaseObjects(cluster);

      Cli.Result standalone = up(cluster, "--backend", "standalone", "--yes");

      assertThat(standalone.exitCode()).as(standalone.toString()).isZero();
      assertThat(standalone.out()).contains("  + StatefulSet/spark-spark-k8s-master")
          .contains("Helm: release spark revision 2 deployed").contains("is ready; asking it a first query");
      Map<String, String> standaloneBackend = releaseObjects(cluster);
      assertChangedAsAnnounced(kubernetesBackend, standaloneBackend, standalone.out());
      answers(cluster, line, "standalone");
      assertThat(historyServer(cluster, "/api/v1/applications?status=completed", body -> body.contains("\"id\"")))
          .as("the History Server lists the first Connect server's application, from the claim both mount")
          .contains("\"completed\" : true");
      assertThat(cluster.kubelet().runningWorkloadPods()).anyMatch(p -> p.startsWith("spark-spark-k8s-master-"))
          .anyMatch(p -> p.startsWith("spark-spark-k8s-worker-"));
      awaitNoExecutorPods(cluster);

      Cli.Result back = up(cluster, "--backend", "kubernetes", "--yes");

      assertThat(back.exitCode()).as(back.toString()).isZero();
      assertThat(back.out()).contains("  - StatefulSet/spark-spark-k8s-master").contains("revision 3 deployed");
      Map<String, String> backToKubernetes = releaseObjects(cluster);
      assertChangedAsAnnounced(standaloneBackend, backToKubernetes, back.out());
      assertThat(backToKubernetes.keySet()).isEqualTo(kubernetesBackend.keySet());
      answers(cluster, line, "kubernetes");
      assertThat(cluster.kubelet().runningWorkloadPods()).noneMatch(p -> p.startsWith("spark-spark-k8s-master-"));

      Cli.Result otherSpark = up(cluster, "--spark", otherLine, "--yes");

      assertThat(otherSpark.exitCode()).as(otherSpark.toString()).isZero();
      assertThat(otherSpark.out()).contains("  ~ Deployment/spark-spark-k8s-connect\n")
          .contains("/spec/template/spec/containers/0/image").contains("revision 4 deployed");
      Map<String, String> otherLineObjects = releaseObjects(cluster);
      assertChangedAsAnnounced(backToKubernetes, otherLineObjects, otherSpark.out());
      assertThat(otherLineObjects.keySet()).isEqualTo(kubernetesBackend.keySet());
      answers(cluster, otherLine, "kubernetes");
      assertThat(historyServer(cluster, "/api/v1/version", body -> body.contains("\"spark\" : \"" + otherLine + ".")))
          .as("the History Server runs Spark %s", otherLine).isNotEmpty();

      Cli.Result down = Cli.run("down", "--kubeconfig", cluster.kubeconfig().toString());

      assertThat(down.exitCode()).as(down.toString()).isZero();
      assertThat(down.out()).contains("removed Helm release spark (revision 4) and its objects");
      assertThat(helmList(cluster)).isEmpty();
      assertThat(releaseObjects(cluster)).isEmpty();
      boolean gone = Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(3)).until(() ->
          cluster.client().pods().inNamespace(NS).list().getItems().isEmpty()
              && cluster.kubelet().runningWorkloadPods().isEmpty() && cluster.kubelet().runningCount() == 0);
      assertThat(gone).as("no pod and no process of the release left: %s", cluster.podSummary()).isTrue();
    }
  }

  /** What a platform team creates for the event log: a default StorageClass and a claim the release names. */
  private static void createEventLogClaim(LocalCluster cluster) {
    cluster.client().storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
        .withName("standard").addToAnnotations("storageclass.kubernetes.io/is-default-class", "true").endMetadata()
        .withProvisioner("local").build()).create();
    cluster.client().persistentVolumeClaims().inNamespace(NS).resource(new PersistentVolumeClaimBuilder()
        .withNewMetadata().withName(EVENT_LOG_CLAIM).endMetadata().withNewSpec().withAccessModes("ReadWriteMany")
        .withNewResources().addToRequests("storage", new Quantity("1Gi")).endResources().endSpec().build()).create();
  }

  /**
   * The answer of the release's History Server pod (where it listens on this machine) to a GET of {@code path}, once
   * it is one that {@code expected} accepts; what it answered last otherwise.
   */
  private static String historyServer(LocalCluster cluster, String path, Predicate<String> expected) {
    HttpClient http = HttpClient.newHttpClient();
    String[] last = {""};
    Poll.every(Duration.ofSeconds(2), READY).until(() -> {
      try {
        String url = "http://" + cluster.address(RELEASE, Component.HISTORY, PortNames.HTTP, READY) + path;
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        last[0] = response.statusCode() + " " + response.body();
        return response.statusCode() == 200 && expected.test(response.body());
      } catch (IOException e) {
        last[0] = e.toString();
        return false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return true;
      }
    });
    return last[0];
  }

  private static Cli.Result up(LocalCluster cluster, String... options) {
    return Cli.run(Stream.of(Stream.of("up", "--kubeconfig", cluster.kubeconfig().toString(), "--timeout", "PT8M"),
        Stream.of(options)).flatMap(s -> s).toArray(String[]::new));
  }

  /**
   * The known-answer queries through the Connect server's Ready pod, which runs the expected Spark line; on the
   * kubernetes backend they ran on executor pods.
   */
  private void answers(LocalCluster cluster, String line, String backend) {
    String url = cluster.connectUrl(RELEASE, READY);
    Path parquet = runDir.resolve("parquet-" + line + "-" + backend + "-" + System.nanoTime());
    assertThat(DeploymentCheck.failures(url, parquet.toString()))
        .as("known-answer queries through %s on the %s backend", url, backend).isEmpty();
    SparkSession spark = ConnectSessions.open(url);
    try {
      assertThat(spark.version()).startsWith(line + ".");
      String master = spark.conf().get("spark.master");
      assertThat(master).startsWith(backend.equals("kubernetes") ? "k8s://" : "spark://");
    } finally {
      ConnectSessions.close(spark);
    }
  }

  private static List<Pod> executorPods(LocalCluster cluster) {
    return cluster.client().pods().inNamespace(NS).withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR)
        .list().getItems();
  }

  /** The kubernetes backend's executor pods go with the Connect server pod that owned them. */
  private static void awaitNoExecutorPods(LocalCluster cluster) {
    boolean none = Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(2)).until(() -> executorPods(cluster).isEmpty());
    assertThat(none).as("executor pods left: %s", cluster.podSummary()).isTrue();
  }

  private static List<Release> helmList(LocalCluster cluster) {
    return Helm.list().withNamespace(NS).withKubeConfig(cluster.kubeconfig()).call();
  }

  /**
   * An upgrade added ({@code +}), removed ({@code -}) and changed ({@code ~}) exactly the objects its diff announced:
   * an object changed when what the chart sets (its labels, annotations and everything but metadata and status)
   * differs.
   */
  private static void assertChangedAsAnnounced(Map<String, String> before, Map<String, String> after, String out) {
    Set<String> changed = new TreeSet<>();
    before.forEach((id, content) -> {
      if (after.containsKey(id) && !after.get(id).equals(content)) {
        changed.add(id);
      }
    });
    assertThat(difference(after.keySet(), before.keySet())).as("added").isEqualTo(announced(out, "+"));
    assertThat(difference(before.keySet(), after.keySet())).as("removed").isEqualTo(announced(out, "-"));
    assertThat(changed).as("changed").isEqualTo(announced(out, "~"));
  }

  /**
   * The chart's objects in the namespace ({@code Kind/name}, as the diff names them), each with what the chart sets:
   * labels, annotations, and all but metadata and status (a Service's cluster IP, which the cluster assigns, too).
   */
  private static Map<String, String> releaseObjects(LocalCluster cluster) {
    KubernetesClient client = cluster.client();
    Map<String, String> objects = new TreeMap<>();
    Stream.of(client.configMaps(), client.services(), client.serviceAccounts(), client.apps().deployments(),
            client.apps().statefulSets(), client.rbac().roles(), client.rbac().roleBindings(),
            client.policy().v1().podDisruptionBudget(), client.network().v1().networkPolicies())
        .flatMap(op -> op.inNamespace(NS).withLabel(ChartLabels.INSTANCE, RELEASE).list().getItems().stream())
        .map(HasMetadata.class::cast)
        .forEach(o -> objects.put(o.getKind() + "/" + o.getMetadata().getName(), content(client, o)));
    return objects;
  }

  @SuppressWarnings("unchecked")
  private static String content(KubernetesClient client, HasMetadata o) {
    Map<String, Object> fields = new TreeMap<>(client.getKubernetesSerialization().convertValue(o, Map.class));
    fields.remove("status");
    fields.put("metadata", Map.of("labels", String.valueOf(o.getMetadata().getLabels()),
        "annotations", String.valueOf(o.getMetadata().getAnnotations())));
    return client.getKubernetesSerialization().asJson(fields);
  }
}
