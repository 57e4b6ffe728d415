package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** spark.connect.extraPackages join the chart's own packages in spark.jars.packages, on every backend. */
class ConnectExtraPackagesTest {

  private static final String ICEBERG_35 = "org.apache.iceberg:iceberg-spark-runtime-3.5_2.12:1.9.2";
  private static final String DELTA_41 = "io.delta:delta-spark_2.13:4.0.0";

  @TempDir
  static Path dir;

  @Test
  void spark35KeepsItsConnectJarAndHadoopAws() {
    for (String backend : JobPods.BACKENDS) {
      JobPods pods = JobPods.render(dir, backend, "3.5", Map.of("spark.connect.extraPackages", List.of(ICEBERG_35),
          "spark.s3.enabled", true, "spark.s3.withPackages", true));
      assertThat(pods.conf().get("spark.jars.packages")).as(backend).isEqualTo(
          "org.apache.spark:spark-connect_2.12:3.5.5,org.apache.hadoop:hadoop-aws:3.3.4," + ICEBERG_35);
      assertThat(pods.conf()).as(backend).containsEntry("spark.jars.ivy", "/tmp/.ivy2");
    }
  }

  @Test
  void spark41FetchesOnlyTheExtraPackages() {
    JobPods pods = JobPods.render(dir, "kubernetes", "4.1", Map.of("spark.connect.extraPackages",
        List.of(DELTA_41, "io.delta:delta-storage:4.0.0"), "spark.connect.packageRepositories",
        List.of("https://maven.example.com/releases")));
    assertThat(pods.conf()).containsEntry("spark.jars.packages", DELTA_41 + ",io.delta:delta-storage:4.0.0")
        .containsEntry("spark.jars.repositories", "https://maven.example.com/releases");
  }
}
