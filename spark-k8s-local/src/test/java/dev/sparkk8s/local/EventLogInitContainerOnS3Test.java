package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Service;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The init container that creates an s3a:// event-log prefix, run as rendered and as {@code up --local} runs a
 * pod's init containers, against a real S3 server (the embedded S3Proxy) with the keys of a Secret. It creates
 * the prefix; on a bad S3 setting, which on a cluster nothing checks before the pod starts, its log ends with
 * one line naming the endpoint, the bucket and what S3 answered (the line {@code up} prints for a user's
 * endpoint), and an endpoint that does not answer fails at once instead of after S3A's minutes of retries.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EventLogInitContainerOnS3Test {

  private static final String EVENTS = "spark-events";
  private static final S3Credentials KEYS = S3Credentials.random();

  @TempDir
  static Path s3Dir;
  private static LocalProcess server;

  @TempDir
  Path runDir;

  @BeforeAll
  static void startS3() {
    server = EmbeddedS3.start(s3Dir, LocalPorts.ephemeral().any(), KEYS);
    EmbeddedS3.createBuckets(server.url(), KEYS, List.of(EVENTS));
  }

  @AfterAll
  static void stopS3() {
    ProcessStopper.stop(List.of(server), s3Dir);
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void createsThePrefix(String sparkVersion) {
    runInitContainers(sparkVersion, server.url(), EVENTS + "/created-" + sparkVersion, KEYS);

    assertThat(EmbeddedS3.dataDir(s3Dir).resolve(EVENTS).resolve("created-" + sparkVersion)).exists();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void wrongKeysEndTheLogWithOneLineNamingEndpointBucketAndTheAnswer(String sparkVersion) {
    String last = lastLineOfFailure(sparkVersion, server.url(), EVENTS + "/logs", S3Credentials.random());

    assertThat(last).startsWith("S3 at " + server.url() + ", bucket spark-events: cannot create the event-log directory "
        + "s3a://spark-events/logs: Forbidden (Service: ").containsPattern("Status Code: 403[,;]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void aMissingBucketEndsTheLogWithOneLineNamingEndpointBucketAndTheAnswer(String sparkVersion) {
    String last = lastLineOfFailure(sparkVersion, server.url(), "no-such-bucket/logs", KEYS);

    assertThat(last).startsWith("S3 at " + server.url() + ", bucket no-such-bucket: cannot create the event-log "
        + "directory s3a://no-such-bucket/logs: The specified bucket does not exist (Service: ")
        .containsPattern("Status Code: 404[,;]");
    assertThat(EmbeddedS3.dataDir(s3Dir).resolve("no-such-bucket")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void anEndpointThatDoesNotAnswerEndsTheLogWithOneLineNamingIt(String sparkVersion) {
    String closed = EmbeddedS3.url(LocalPorts.ephemeral().any());

    String last = lastLineOfFailure(sparkVersion, closed, EVENTS + "/logs", KEYS);

    assertThat(last).startsWith("S3 at " + closed + ", bucket spark-events: cannot create the event-log directory "
        + "s3a://spark-events/logs: ").contains("Connection refused");
  }

  private String lastLineOfFailure(String sparkVersion, String endpoint, String dir, S3Credentials keys) {
    LocalRuntimeException failure = catchThrowableOfType(LocalRuntimeException.class,
        () -> runInitContainers(sparkVersion, endpoint, dir, keys));
    assertThat(failure).as("the init container failed").isNotNull();
    assertThat(failure.getMessage()).startsWith("connect: init container create-event-log-dir exited with code 1");
    List<String> lines = failure.getMessage().lines().toList();
    return lines.get(lines.size() - 1);
  }

  /** The Connect server pod's init containers, as up --local runs them, with the keys in the Secret it names. */
  private void runInitContainers(String sparkVersion, String endpoint, String dir, S3Credentials keys) {
    RenderedRelease release = LocalChart.render(new LocalOptions(sparkVersion, UserValues.sets(List.of(
        "spark.image.repository=registry.example.com/spark", "spark.s3.enabled=true", "spark.s3.endpoint=" + endpoint,
        "spark.s3.credentials.secretName=s3-keys", "spark.eventLog.enabled=true", "spark.eventLog.dir=s3a://" + dir)),
        null, null, runDir, SparkHome.projectDir().resolve("charts/spark-k8s")));
    PodObjects objects = PodObjects.of(release).with(EmbeddedS3.secret(S3Settings.of(release).orElseThrow(), keys));
    List<ChartContainer> connect = ChartContainer.of(release).stream()
        .filter(c -> c.component() == Component.CONNECT).toList();
    LocalAddresses addresses = new LocalAddresses(connect, release.objects(Service.class), LocalPlatform.NAMESPACE,
        runDir, LocalPorts.ephemeral(), Map.of(), Map.of());
    new PodRunner(SparkHome.built(sparkVersion), runDir).runInitContainers(connect.get(0), objects, addresses);
  }
}
