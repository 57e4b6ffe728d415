package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.S3Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --local} on S3 endpoints of the user's (S3 servers of the test's own, one with the keys of the
 * shell's AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, set for this module's ITs in its pom, one with others),
 * the release naming a Secret it does not hold, so that the shell's keys stand for it. Wrong keys, a missing
 * bucket and an endpoint that does not answer each fail within seconds, before any Spark process starts: exit
 * code 2, one line naming the endpoint, the bucket and what S3 answered, nothing left running, no bucket created
 * on the user's endpoint.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class UpS3BadInputIT {

  /** A render and the check: seconds, never a Spark start. */
  private static final Duration FAST = Duration.ofSeconds(15);
  private static final S3Credentials SHELL_KEYS = new S3Credentials(System.getenv("AWS_ACCESS_KEY_ID"),
      System.getenv("AWS_SECRET_ACCESS_KEY"));

  @TempDir
  static Path serversDir;
  /** The user's S3 where the shell's keys are right, and one where they are not. */
  private static LocalProcess mine;
  private static LocalProcess others;

  @TempDir
  Path runDir;

  @BeforeAll
  static void startTheUsersS3() throws IOException {
    assertThat(SHELL_KEYS.accessKeyId()).as("AWS_ACCESS_KEY_ID of the ITs (the module's pom)").isNotBlank();
    mine = EmbeddedS3.start(serversDir.resolve("mine"), SHELL_KEYS);
    others = EmbeddedS3.start(serversDir.resolve("others"), S3Credentials.random());
    for (Path dir : List.of(serversDir.resolve("mine"), serversDir.resolve("others"))) {
      Files.createDirectories(EmbeddedS3.dataDir(dir).resolve("spark-events"));
    }
  }

  @AfterAll
  static void stopThem() {
    ProcessStopper.stop(Stream.of(mine, others).flatMap(p -> p.handle().stream()).toList(), Duration.ofSeconds(10));
  }

  record Run(Cli.Result result, Duration took) {
  }

  @Test
  void wrongKeys() {
    Run r = up(others.url(), "spark-events");

    assertFailedFast(r, "spark-k8s: S3 at " + others.url() + ", bucket spark-events: S3 answered 403 InvalidAccessKeyId");
    assertThat(r.result().err()).contains("(are the access keys right?)").doesNotContain(SHELL_KEYS.secretAccessKey());
  }

  @Test
  void missingBucketIsNamedAndNotCreated() {
    Run r = up(mine.url(), "no-such-bucket");

    assertFailedFast(r, "spark-k8s: S3 at " + mine.url() + ", bucket no-such-bucket: S3 answered 404 NoSuchBucket");
    assertThat(EmbeddedS3.dataDir(serversDir.resolve("mine")).resolve("no-such-bucket"))
        .as("a bucket on the user's endpoint").doesNotExist();
  }

  @Test
  void endpointThatDoesNotAnswer() throws IOException {
    int port;
    try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = free.getLocalPort();
    }
    String closed = "http://127.0.0.1:" + port;
    Run r = up(closed, "spark-events");

    assertFailedFast(r, "spark-k8s: S3 at " + closed + ", bucket spark-events: unreachable: ConnectException");
  }

  private void assertFailedFast(Run r, String firstLine) {
    assertThat(r.result().exitCode()).as(r.result().toString()).isEqualTo(2);
    assertThat(r.result().err()).startsWith(firstLine);
    assertThat(r.result().err().lines()).as(r.result().err()).hasSize(1);
    assertThat(r.took()).isLessThan(FAST);
    assertThat(runDir.resolve("state.json")).doesNotExist();
    assertThat(SparkProcesses.of(runDir)).as("processes of the run").isEmpty();
  }

  /** {@code spark-k8s up --local} with the event log in this bucket on this endpoint, keys from the Secret the values name. */
  private Run up(String endpoint, String bucket) {
    long start = System.nanoTime();
    Cli.Result result = Cli.run("up", "--local", "--run-dir", runDir.toString(), "--set", "spark.s3.enabled=true",
        "--set", "spark.s3.endpoint=" + endpoint, "--set", "spark.s3.credentials.secretName=s3-keys",
        "--set", "spark.eventLog.dir=s3a://" + bucket + "/logs");
    return new Run(result, Duration.ofNanos(System.nanoTime() - start));
  }
}
