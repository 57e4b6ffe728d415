package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.SparkApplicationFixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

class S3aInImageTest {

  private static final String CONNECT = "Deployment/spark-connect";
  private static final String IMAGE = "spec.template.spec.containers[spark-connect].image";

  private final CompliantRelease release = new CompliantRelease();

  @Test
  void s3aSettingsOnTheStockImage() {
    release.sparkDefaults.put("spark.hadoop.fs.s3a.endpoint", "http://minio:9000");

    Finding f = only(release.check(), S3aInImage.ID, CONNECT, "spark-connect", IMAGE);
    assertThat(f.message()).contains("apache/spark:4.0.0").contains("spark.hadoop.fs.s3a.endpoint");
    assertThat(f.fix()).contains("images/Dockerfile").contains("spark.s3.withPackages");
  }

  @Test
  void anS3aEventLogOnTheStockImage() {
    release.sparkDefaults.put("spark.eventLog.dir", "s3a://logs/events");

    only(release.check(), S3aInImage.ID, CONNECT, "spark-connect", IMAGE);
  }

  @Test
  void hadoopAwsFetchedBySparkSubmitIsEnough() {
    release.sparkDefaults.put("spark.hadoop.fs.s3a.endpoint", "http://minio:9000");
    release.sparkDefaults.put("spark.jars.packages", "org.apache.spark:spark-connect_2.12:3.5.5,"
        + "org.apache.hadoop:hadoop-aws:3.3.4");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void anImageWithS3aIsEnough() {
    release.sparkDefaults.put("spark.hadoop.fs.s3a.endpoint", "http://minio:9000");
    release.connectContainer().setImage("registry.example.com/spark:4.0.0");

    assertThat(release.check()).isEmpty();
  }

  @Test
  void dockerHubSpellingsOfTheStockImageAreTheStockImage() {
    for (String image : List.of("docker.io/apache/spark:3.5.5", "spark:3.5.5", "docker.io/library/spark:4.1.1",
        "apache/spark@sha256:0123")) {
      assertThat(StockImage.is(image)).as(image).isTrue();
    }
    for (String image : List.of("registry.example.com/apache/spark:3.5.5", "apache/spark-py:3.4.0",
        "localhost:5000/spark", "sparkling:1")) {
      assertThat(StockImage.is(image)).as(image).isFalse();
    }
  }

  @Test
  void anInitContainerOnAnS3aPathCannotFetchPackages() {
    release.connectPod().getInitContainers().add(new io.fabric8.kubernetes.api.model.ContainerBuilder(
        release.connectContainer()).withName("create-event-log-dir").withPorts(List.of())
        .withArgs("--class", "org.apache.hadoop.fs.FsShell", "spark-internal", "-mkdir", "-p", "s3a://logs/events")
        .build());

    Finding f = only(release.check(), S3aInImage.ID, CONNECT, "create-event-log-dir",
        "spec.template.spec.initContainers[create-event-log-dir].image");
    assertThat(f.message()).contains("s3a://logs/events");
  }

  @Test
  void aKubeflowApplicationReadingS3OnTheStockImageOfItsSpec() {
    var conf = SparkApplicationFixtures.path(release.kubeflowApp, "spec", "sparkConf");
    conf.put("spark.eventLog.dir", "s3a://logs/events");

    Finding f = only(release.check(), S3aInImage.ID, "SparkApplication/spark-pi-kubeflow", null,
        "spec.sparkConf[spark.eventLog.dir]");
    assertThat(f.message()).contains("apache/spark:");
  }

  @Test
  void aSparkApplicationReadingS3OnTheStockImage() {
    var conf = SparkApplicationFixtures.path(release.apacheApp, "spec", "sparkConf");
    conf.put("spark.kubernetes.container.image", "apache/spark:4.1.1");
    conf.put("spark.hadoop.fs.s3a.path.style.access", "true");

    Finding f = only(release.check(), S3aInImage.ID, "SparkApplication/spark-pi", null,
        "spec.sparkConf[spark.hadoop.fs.s3a.path.style.access]");
    assertThat(f.fix()).contains("org.apache.hadoop:hadoop-aws:");
  }
}
