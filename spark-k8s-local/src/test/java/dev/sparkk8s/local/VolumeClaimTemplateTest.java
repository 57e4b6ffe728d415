package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A StatefulSet's volumeClaimTemplate runs as the claim Kubernetes would make for the pod: a run directory. */
class VolumeClaimTemplateTest {

  @Test
  void theMastersRecoveryClaimIsADirectoryOfTheRun(@TempDir Path runDir) {
    RenderedRelease release = LocalChart.render(new LocalOptions("4.1",
        UserValues.sets(List.of("spark.standalone.master.recovery.persistence.enabled=true")), null, null, runDir,
        SparkHome.projectDir().resolve("charts/spark-k8s")));
    List<ChartContainer> containers = ChartContainer.of(release);
    ChartContainer master = containers.stream().filter(c -> c.component() == Component.MASTER).findFirst().orElseThrow();
    LocalAddresses addresses = new LocalAddresses(containers, release.objects(Service.class), "default", runDir,
        LocalPorts.preferringContainerPorts(), Map.of(), Map.of());

    assertThat(master.pod().getSpec().getVolumes()).anySatisfy(v -> {
      assertThat(v.getName()).isEqualTo("recovery");
      assertThat(v.getPersistentVolumeClaim().getClaimName()).isEqualTo("recovery-local-spark-k8s-master-0");
    });
    assertThat(addresses.mounts(master)).containsEntry("/opt/spark/recovery",
        runDir.resolve("volumes").resolve("recovery-local-spark-k8s-master-0"));
    // The master's JVM options name the directory as a local path.
    String opts = master.container().getEnv().stream().filter(e -> e.getName().equals("SPARK_MASTER_OPTS"))
        .findFirst().orElseThrow().getValue();
    assertThat(addresses.text(master, opts))
        .contains("-Dspark.deploy.recoveryDirectory=" + runDir.resolve("volumes/recovery-local-spark-k8s-master-0"));
  }
}
