package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With S3, Spark's writes go through S3A's magic committer (PathOutputCommitProtocol, from the image's
 * spark-hadoop-cloud), not a rename-based commit; spark.conf may choose another.
 */
class S3CommitterTest {

  private static final String IMAGE_WITH_S3A = "spark.image.repository=registry.example.com/spark";
  private static final String PROTOCOL = "spark.sql.sources.commitProtocolClass";

  private static Map<String, String> conf(String... sets) {
    return new ReleaseView(ChartFixture.render(sets)).connectConf();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void s3WritesCommitThroughTheMagicCommitter(String version) {
    assertThat(conf("spark.version=" + version, IMAGE_WITH_S3A, "spark.s3.enabled=true"))
        .containsEntry("spark.hadoop.fs.s3a.committer.name", "magic")
        .containsEntry("spark.hadoop.fs.s3a.committer.magic.enabled", "true")
        .containsEntry("spark.hadoop.mapreduce.outputcommitter.factory.scheme.s3a",
            "org.apache.hadoop.fs.s3a.commit.S3ACommitterFactory")
        .containsEntry(PROTOCOL, "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol")
        .containsEntry("spark.sql.parquet.output.committer.class",
            "org.apache.spark.internal.io.cloud.BindingParquetOutputCommitter");
  }

  @Test
  void noCommitterWithoutS3() {
    assertThat(conf()).doesNotContainKeys(PROTOCOL, "spark.hadoop.fs.s3a.committer.name");
  }

  @Test
  void noCommitterWhenOnlyHadoopAwsIsFetched() {
    assertThat(conf("spark.s3.enabled=true", "spark.s3.withPackages=true"))
        .containsKey("spark.jars.packages").doesNotContainKeys(PROTOCOL, "spark.hadoop.fs.s3a.committer.name");
  }

  @Test
  void sparkConfChoosesAnotherCommitter() {
    assertThat(conf(IMAGE_WITH_S3A, "spark.s3.enabled=true",
        "spark.conf.spark\\.hadoop\\.fs\\.s3a\\.committer\\.name=directory"))
        .containsEntry("spark.hadoop.fs.s3a.committer.name", "directory")
        .containsEntry(PROTOCOL, "org.apache.spark.internal.io.cloud.PathOutputCommitProtocol");
  }
}
