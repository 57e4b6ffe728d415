package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Workloads;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compliant standalone worker offers --memory 4g --cores 2; executors ask for 2g and 1 core. */
class StandaloneWorkerFitsExecutorTest {

  private static final String WORKER = "StatefulSet/spark-worker";
  private static final String ARGS = "spec.template.spec.containers[spark-worker].args";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();

  @Test
  void workerMemorySmallerThanAnExecutor() {
    worker().setArgs(List.of("--memory", "1g", "--cores", "2", "spark://spark-master:7077"));

    Finding f = only(release.check(), StandaloneWorkerFitsExecutor.ID, WORKER, "spark-worker", ARGS);
    assertThat(f.message()).contains("1g").contains("spark.executor.memory is 2g");
    assertThat(f.fix()).contains("spark.standalone.worker.memory");
  }

  @Test
  void workerCoresFewerThanAnExecutor() {
    release.sparkDefaults.put("spark.executor.cores", "4");

    Finding f = only(release.check(), StandaloneWorkerFitsExecutor.ID, WORKER, "spark-worker", ARGS);
    assertThat(f.message()).contains("2 cores").contains("spark.executor.cores is 4");
    assertThat(f.fix()).contains("spark.standalone.worker.cores");
  }

  @Test
  void workerMemoryFromTheEnvironment() {
    worker().setArgs(List.of("spark://spark-master:7077"));
    worker().setEnv(List.of(new EnvVarBuilder().withName("SPARK_WORKER_MEMORY").withValue("1536m").build()));

    only(release.check(), StandaloneWorkerFitsExecutor.ID, WORKER, "spark-worker",
        "spec.template.spec.containers[spark-worker].env[SPARK_WORKER_MEMORY]");
  }

  @Test
  void argumentsOverrideTheEnvironmentAndAcceptTheEqualsForm() {
    worker().setArgs(List.of("--memory=4g", "-c", "2", "spark://spark-master:7077"));
    worker().setEnv(List.of(new EnvVarBuilder().withName("SPARK_WORKER_MEMORY").withValue("1g").build()));

    assertThat(release.check()).isEmpty();
  }

  @Test
  void aBareWorkerMemoryNumberIsBytes() {
    worker().setArgs(List.of("--memory", "4096", "spark://spark-master:7077"));

    Finding f = only(release.check(), StandaloneWorkerFitsExecutor.ID, WORKER, "spark-worker", ARGS);
    assertThat(f.message()).contains("(0 MiB)");
  }

  @Test
  void argumentsInsideAShellCommandAreRead() {
    worker().setCommand(Workloads.launched("/bin/sh", "-c"));
    worker().setArgs(List.of("exec /opt/spark/bin/spark-class org.apache.spark.deploy.worker.Worker --memory 1g "
        + "spark://spark-master:7077"));

    only(release.check(), StandaloneWorkerFitsExecutor.ID, WORKER, "spark-worker", ARGS);
  }

  @Test
  void aWorkerOfAnotherReleaseIsNotComparedWithThisRelease() {
    worker().setArgs(List.of("--memory", "1g", "spark://spark-master:7077"));
    release.worker().getMetadata().getLabels().put("app.kubernetes.io/instance", "other");

    assertThat(release.check()).isEmpty();
  }

  private Container worker() {
    return release.worker().getSpec().getTemplate().getSpec().getContainers().get(0);
  }
}
