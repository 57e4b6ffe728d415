package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart's performance defaults: present unless spark.conf sets the key, shuffle partitions sized to executor slots. */
class TunableDefaultsTest {

  private static final String PARTITIONS = "spark.sql.shuffle.partitions";
  private static final String CODEGEN_CACHE = "spark.sql.codegen.cache.maxEntries";

  private static Map<String, String> conf(String... sets) {
    return new ReleaseView(ChartFixture.render(sets)).connectConf();
  }

  @Test
  void kryoAndNoLocalityWaitByDefaultAndSparksOwnShufflePartitions() {
    Map<String, String> conf = conf();
    assertThat(conf).containsEntry("spark.serializer", "org.apache.spark.serializer.KryoSerializer")
        .containsEntry("spark.locality.wait", "0s")
        .doesNotContainKey(PARTITIONS);
  }

  @Test
  void theConnectServerCachesTheGeneratedCodeOfManySessions() {
    assertThat(conf()).containsEntry(CODEGEN_CACHE, "1000");
    assertThat(conf("spark.conf.spark\\.sql\\.codegen\\.cache\\.maxEntries=300")).containsEntry(CODEGEN_CACHE, "300");
  }

  @Test
  void shufflePartitionsFollowFixedExecutorSlots() {
    assertThat(conf("spark.executor.instances=3", "spark.executor.cores=2", "spark.executor.shufflePartitionsPerCore=2"))
        .containsEntry(PARTITIONS, "12");
  }

  @Test
  void shufflePartitionsFollowTheDynamicAllocationMaximum() {
    assertThat(conf("spark.executor.instances=min:1 max:5", "spark.executor.shufflePartitionsPerCore=3"))
        .containsEntry(PARTITIONS, "15");
  }

  @Test
  void shufflePartitionsOnTheStandaloneBackendToo() {
    assertThat(conf("spark.connect.mode.k8s.backend=standalone", "spark.standalone.worker.cores=2",
        "spark.executor.instances=1", "spark.executor.cores=2", "spark.executor.shufflePartitionsPerCore=2"))
        .containsEntry(PARTITIONS, "4");
  }

  @Test
  void sparkConfWinsOverEveryTunableDefault() {
    assertThat(conf("spark.executor.shufflePartitionsPerCore=2", "spark.conf.spark\\.sql\\.shuffle\\.partitions=7",
        "spark.conf.spark\\.serializer=org.apache.spark.serializer.JavaSerializer"))
        .containsEntry(PARTITIONS, "7")
        .containsEntry("spark.serializer", "org.apache.spark.serializer.JavaSerializer");
  }

  @Test
  void developmentPresetRunsOneTwoCoreExecutorWithFourShufflePartitions() {
    Map<String, String> conf = new ReleaseView(ChartFixture.render(ChartFixture.request().preset("development").build()))
        .connectConf();
    assertThat(conf).containsEntry("spark.executor.cores", "2")
        .containsEntry("spark.cores.max", "2")
        .containsEntry(PARTITIONS, "4");
  }
}
