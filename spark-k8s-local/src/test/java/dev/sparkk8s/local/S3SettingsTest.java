package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the local runtime reads of a release's S3 from what its Connect server gets, and when its own S3 server
 * plays S3: no endpoint, or a Service of the cluster the values were written for; never a user's endpoint.
 */
class S3SettingsTest {

  private static final Path CHART = SparkHome.projectDir().resolve("charts/spark-k8s");

  private static RenderedRelease upLocal(UserValues values) {
    return LocalChart.render(new LocalOptions("4.1", values, null, null, Path.of("unused"), CHART));
  }

  @Test
  void theS3MinioPresetsMinioIsPlayedByTheEmbeddedServerWithBothBuckets() {
    S3Settings s3 = S3Settings.of(upLocal(new UserValues(null, List.of(CHART.resolve("presets/s3-minio.yaml")),
        List.of()))).orElseThrow();

    assertThat(s3.endpoint()).isEqualTo("http://minio.minio.svc.cluster.local:9000");
    assertThat(s3.embedded()).isTrue();
    assertThat(s3.buckets()).containsExactly("spark-data", "spark-events");
    assertThat(s3.pathStyle()).isTrue();
    assertThat(s3.region()).isEqualTo("us-east-1");
    assertThat(s3.secretName()).contains("minio-credentials");
    assertThat(s3.accessKeyId().getKey()).isEqualTo("AWS_ACCESS_KEY_ID");
    assertThat(s3.secretAccessKey().getKey()).isEqualTo("AWS_SECRET_ACCESS_KEY");
  }

  @Test
  void noEndpointIsTheEmbeddedServersAndNamesNoSecretYet() {
    S3Settings s3 = S3Settings.of(upLocal(UserValues.sets(List.of("spark.s3.enabled=true")))).orElseThrow();

    assertThat(s3.endpoint()).isEmpty();
    assertThat(s3.embedded()).isTrue();
    assertThat(s3.buckets()).isEmpty();
    assertThat(s3.secretName()).isEmpty();
  }

  @Test
  void anEndpointOfTheUsersIsUsedAsGiven() {
    for (String endpoint : List.of("http://127.0.0.1:9000", "http://localhost:9000", "https://s3.eu-west-1.amazonaws.com",
        "http://minio.example.com:9000")) {
      S3Settings s3 = S3Settings.of(upLocal(UserValues.sets(List.of("spark.s3.enabled=true",
          "spark.s3.endpoint=" + endpoint)))).orElseThrow();
      assertThat(s3.embedded()).as(endpoint).isFalse();
    }
    assertThat(S3Settings.of(upLocal(UserValues.sets(List.of("spark.s3.enabled=true",
        "spark.s3.endpoint=http://minio:9000")))).orElseThrow().embedded()).as("a Service of the namespace").isTrue();
  }

  @Test
  void noS3NoSettings() {
    assertThat(S3Settings.of(upLocal(UserValues.none()))).isEmpty();
  }

  @Test
  void theEmbeddedServersSecretHoldsTheRunsKeysUnderTheKeyNamesThePodsRead() {
    S3Settings s3 = S3Settings.of(upLocal(UserValues.sets(List.of("spark.s3.enabled=true",
        "spark.s3.credentials.secretName=keys", "spark.s3.credentials.accessKeyIdKey=id",
        "spark.s3.credentials.secretAccessKeyKey=secret")))).orElseThrow();
    S3Credentials keys = S3Credentials.random();

    assertThat(EmbeddedS3.secret(s3, keys).getMetadata().getName()).isEqualTo("keys");
    assertThat(EmbeddedS3.secret(s3, keys).getStringData()).containsOnly(
        org.assertj.core.api.Assertions.entry("id", keys.accessKeyId()),
        org.assertj.core.api.Assertions.entry("secret", keys.secretAccessKey()));
  }
}
