package dev.sparkk8s.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.connect.ConnectQueries;
import dev.sparkk8s.connect.ConnectSessions;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.connect.queries.KnownAnswerQuery;
import dev.sparkk8s.connect.queries.KnownAnswers;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
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
 * run by the local kubelet; with S3 (an S3 server on this machine, its keys in a Secret of the
 * namespace), which the executors write Parquet to through the S3A magic committer.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class KubernetesBackendIT {

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void queriesRunOnTemplatePodsSurviveAPodDeletionAndStayWithinTheRole(String version,
      @TempDir Path runDir) throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.startWithS3(Charts.chartDir(), version,
        List.of("spark.executor.instances=2"), runDir)) {
      assertThat(run.release().objects()).as("the rendered release, untouched by applying it")
          .extracting(o -> o.getMetadata().getNamespace()).containsOnlyNulls();
      assertThat(DeploymentCheck.failures(run.connectUrl(), "s3a://" + KubernetesBackendRun.S3_BUCKET + "/check"))
          .as("known-answer queries through %s, Parquet on S3 written by the executor pods", run.connectUrl()).isEmpty();
      assertThat(new ObjectMapper().readTree(run.s3Data().resolve(KubernetesBackendRun.S3_BUCKET + "/check/_SUCCESS")
          .toFile()).path("committer").asText()).as("the committer of the Parquet files").isEqualTo("magic");
      assertExecutorPodsFollowTheTemplate(run.kubelet().startedPods());
      assertThat(run.kubelet().refused()).isEmpty();

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
}
