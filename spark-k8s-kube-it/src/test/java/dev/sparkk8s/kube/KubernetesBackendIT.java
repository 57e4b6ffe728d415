package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.sql.connect.SparkSession;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The kubernetes backend with Spark's own Kubernetes scheduler: the chart's Connect server (the
 * driver) against a Kubernetes API, executors as pods Spark created from the chart's template,
 * run by the local kubelet; with monitoring on, the driver serves the executor pods' metrics.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KubernetesBackendIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void queriesRunOnTemplatePodsSurviveAPodDeletionAndStayWithinTheRole(String version,
      @TempDir Path runDir, @TempDir Path scratch) throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.start(Charts.chartDir(), version,
        List.of("spark.executor.instances=2", "monitoring.enabled=true"), runDir)) {
      assertThat(run.release().objects()).as("the rendered release, untouched by applying it")
          .extracting(o -> o.getMetadata().getNamespace()).containsOnlyNulls();
      assertThat(DeploymentCheck.failures(run.connectUrl(), scratch.resolve("parquet-roundtrip").toString()))
          .as("known-answer queries through %s", run.connectUrl()).isEmpty();
      assertExecutorPodsFollowTheTemplate(run.kubelet().startedPods());
      assertThat(run.kubelet().refused()).isEmpty();
      assertTheDriverServesTheExecutorPodsMetrics(run);

      SparkSession spark = ConnectSessions.open(run.connectUrl());
      try {
        KnownAnswerQuery slowSum = KnownAnswers.slowSum(30, 300);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> ConnectQueries.problem(spark, slowSum));
        Waits.until("two executor processes running", () -> run.kubelet().runningCount() >= 2);
        Thread.sleep(2000);
        assertThat(answer).as("still running when the pod is deleted").isNotDone();
        Pod victim = run.executorPods().get(0);
        run.api().client().pods().inNamespace(KubernetesBackendRun.NAMESPACE).resource(victim).delete();

        assertThat(answer.get(3, TimeUnit.MINUTES)).as("wrong answer of " + slowSum.sql()).isNull();
        Waits.until("a replacement executor pod", () -> run.kubelet().startedPods().size() >= 3);
        assertThat(run.executorPods()).extracting(p -> p.getMetadata().getName())
            .doesNotContain(victim.getMetadata().getName());
      } finally {
        ConnectSessions.close(spark);
      }

      List<ApiRequest> requests = run.api().requests();
      assertThat(requests).as("the driver used the API").extracting(ApiRequest::resource)
          .contains("pods", "configmaps");
      assertThat(RbacCheck.denied(requests, run.roles())).as("requests the chart's Role does not allow").isEmpty();
    }
  }

  /**
   * With monitoring, the executors' metrics on the kubernetes backend: the driver's summary lists each executor
   * pod's executor (they serve none of their own), and the tasks the known-answer queries ran on them.
   */
  private static void assertTheDriverServesTheExecutorPodsMetrics(KubernetesBackendRun run) throws Exception {
    HttpResponse<String> summary = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(run.driverUiUrl() + "/metrics/executors/prometheus")).build(), HttpResponse.BodyHandlers.ofString());
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
      assertThat(executor.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
      assertThat(executor.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
      assertThat(executor.getResources().getLimits().get("memory").toString()).isEqualTo("1408Mi");
      assertThat(executor.getResources().getRequests().get("memory").toString()).isEqualTo("1408Mi");
    }
  }
}
