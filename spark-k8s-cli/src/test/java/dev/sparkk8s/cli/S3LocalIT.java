package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.DeploymentCheck;
import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.RunningPlatform;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * S3 on {@code up --local} (the run's shared platforms, started with the s3-minio preset, whose MinIO the
 * embedded S3 server plays): Parquet written and read through {@code s3a://} from a Connect session, committed
 * by the S3A magic committer (its {@code _SUCCESS} manifest says so), the event log on S3 read by the History
 * Server (a load run with its data on S3: {@link LoadLocalIT}). The objects are read where the S3 server keeps them: the run's
 * {@code s3/data}. That {@code down} stops the S3 server too and keeps its data: {@link SharedPlatforms#close}.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
@ExtendWith(SharedPlatforms.Resolver.class)
class S3LocalIT {

  /**
   * The History Server scans for event logs every 10 s and replays them on one thread on 2 cores: the shared
   * platforms' earlier load runs and jobs left large event logs on S3 before this one.
   */
  private static final Poll HISTORY = Poll.every(Duration.ofSeconds(1), Duration.ofMinutes(3));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String CONNECT_APP = "local-spark-k8s-connect";

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void parquetOnS3ThroughTheMagicCommitterAndTheEventLogOnS3(String version, SharedPlatforms platforms)
      throws Exception {
    SharedPlatforms.Platform platform = platforms.of(version);
    LocalState state = platform.state();
    Path buckets = EmbeddedS3.dataDir(platform.runDir());
    assertThat(platform.up().out()).containsPattern("S3: +" + state.s3Url().replace(".", "\\.") + " ")
        .doesNotContain(EmbeddedS3.credentials(platform.runDir()).orElseThrow().secretAccessKey());
    assertThat(state.s3Url()).matches("http://127\\.0\\.0\\.1:\\d+");
    assertThat(buckets.resolve("spark-events")).as("the event-log bucket the values name").isDirectory();
    assertThat(buckets.resolve("spark-data")).as("the warehouse bucket the values name").isDirectory();

    String table = "deployment-check-" + version;
    assertThat(DeploymentCheck.failures(state.connectUrl(), "s3a://spark-data/" + table))
        .as("known-answer queries, Parquet on s3a://").isEmpty();
    JsonNode success = JSON.readTree(buckets.resolve("spark-data").resolve(table).resolve("_SUCCESS").toFile());
    assertThat(success.path("name").asText()).startsWith("org.apache.hadoop.fs.s3a.commit.files.SuccessData");
    assertThat(success.path("committer").asText()).as("the committer that wrote " + table).isEqualTo("magic");
    assertThat(success.path("filenames")).as("the files it committed").isNotEmpty();

    // S3 shows an object once it is closed: the Connect server's event log is whole when the server stops.
    RunningPlatform.at(platform.runDir()).restart("connect");
    assertThat(historyApplications(state.historyUrl())).as("applications the History Server lists from S3")
        .anySatisfy(app -> {
          assertThat(app.path("name").asText()).isEqualTo(CONNECT_APP);
          assertThat(app.at("/attempts/0/completed").asBoolean()).isTrue();
        });
    try (Stream<Path> files = Files.walk(buckets.resolve("spark-events/logs"))) {
      assertThat(files.map(f -> f.getFileName().toString())).as("the event log in its bucket")
          .anyMatch(name -> name.startsWith("events_1_app-"));
    }

    Cli.Result status = Cli.statusSaying(platform.runDir(), "all 5 processes running");
    assertThat(status.exitCode()).as(status.toString()).isZero();
    assertThat(status.out()).containsPattern("s3 +RUNNING .*" + state.s3Url().replace(".", "\\."));
  }

  /**
   * The History Server's REST API, asked until it lists the Connect server's application as completed (the jobs of
   * other tests on the shared platforms are listed too); its listing otherwise.
   */
  private static JsonNode historyApplications(String historyUrl) {
    String url = historyUrl + "/api/v1/applications";
    return HISTORY.until(() -> Optional.of(get(url)).filter(apps -> toList(apps).stream()
        .anyMatch(app -> app.path("name").asText().equals(CONNECT_APP) && app.at("/attempts/0/completed").asBoolean())))
        .orElseGet(() -> get(url));
  }

  private static List<JsonNode> toList(JsonNode array) {
    return Stream.iterate(0, i -> i < array.size(), i -> i + 1).map(array::get).toList();
  }

  private static JsonNode get(String url) {
    try (InputStream in = URI.create(url).toURL().openStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url, e);
    }
  }
}
