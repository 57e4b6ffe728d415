package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.kube.KubernetesBackendRun;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/** {@code spark-k8s load} against the kubernetes backend, on the Kubernetes harness (Spark 4.1). */
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class LoadKubernetesBackendIT {

  @Test
  void mixedRunIsGreenOnExecutorPods(@TempDir Path runDir, @TempDir Path data, @TempDir Path report) throws Exception {
    try (KubernetesBackendRun run = KubernetesBackendRun.start(Cli.repoChart(), "4.1",
        List.of("spark.executor.instances=2"), runDir)) {
      Cli.Result load = Cli.run("load", "--connect", run.connectUrl(), "--scenario", "mixed", "--sessions", "2",
          "--duration", "20s", "--scale", "0.2", "--data", data.toString(), "--report", report.toString());
      assertThat(load.exitCode()).as(load.toString()).isZero();
      JsonNode json = LoadReports.json(report);
      LoadReports.assertConsistent(json);
      assertThat(json.path("failed").asInt()).isZero();
      assertThat(json.at("/server/backend").asText()).isEqualTo("kubernetes");
      assertThat(run.kubelet().startedPods()).hasSizeGreaterThanOrEqualTo(2);
    }
  }
}
