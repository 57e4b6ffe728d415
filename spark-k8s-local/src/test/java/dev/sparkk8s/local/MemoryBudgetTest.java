package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.UserValues;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** up --local's memory check counts the executors' off-heap memory, which lives in the workers' pods. */
class MemoryBudgetTest {

  private static final long MIB = 1024 * 1024;
  /** Two workers, each holding two executors of 1 GiB heap and 1 core. */
  private static final List<String> TWO_BY_TWO = List.of("spark.standalone.worker.memory=2g",
      "spark.standalone.worker.cores=2", "spark.executor.memory=1g", "spark.executor.cores=1");

  @TempDir
  Path runDir;

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void offHeapMemoryOfEveryExecutorIsInTheBudget(String sparkVersion) {
    long without = needed(sparkVersion, TWO_BY_TWO);
    List<String> offHeap = new ArrayList<>(TWO_BY_TWO);
    offHeap.add("spark.conf.spark\\.memory\\.offHeap\\.enabled=true");
    offHeap.add("spark.conf.spark\\.memory\\.offHeap\\.size=1g");

    assertThat(needed(sparkVersion, offHeap) - without).isEqualTo(2 * 2 * 1024 * MIB);
  }

  private long needed(String sparkVersion, List<String> sets) {
    LocalOptions options = new LocalOptions(sparkVersion, UserValues.sets(sets), 2, null, runDir,
        SparkHome.projectDir().resolve("charts/spark-k8s"));
    return MemoryBudget.neededBytes(ChartContainer.of(LocalChart.render(options)));
  }
}
