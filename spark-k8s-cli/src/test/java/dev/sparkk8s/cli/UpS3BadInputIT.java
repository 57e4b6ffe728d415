package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.S3Credentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.Timeout.ThreadMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code up --local} on an S3 endpoint of the user's (here an S3 server of the test's own, with a bucket), run as
 * a user runs it: bin/spark-k8s with the keys in AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY. Wrong keys, a
 * missing bucket and an endpoint that does not answer each fail within seconds, before any Spark process starts:
 * exit code 2, one line naming the endpoint, the bucket and what S3 answered, nothing left running, no bucket
 * created on the user's endpoint.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES, threadMode = ThreadMode.SEPARATE_THREAD)
class UpS3BadInputIT {

  private static final Path REPO = Cli.repoChart().getParent().getParent();
  /** JVM start, render, the check: seconds, never a Spark start. */
  private static final Duration FAST = Duration.ofSeconds(20);
  private static final S3Credentials KEYS = S3Credentials.random();

  @TempDir
  static Path serverDir;
  private static LocalProcess server;

  @TempDir
  Path runDir;

  @BeforeAll
  static void startTheUsersS3() throws IOException {
    server = EmbeddedS3.start(serverDir, freePort(), KEYS);
    Files.createDirectories(EmbeddedS3.dataDir(serverDir).resolve("spark-events"));
  }

  @AfterAll
  static void stopIt() {
    ProcessStopper.stop(server.handle().stream().toList(), Duration.ofSeconds(10));
  }

  record Run(int exitCode, String err, Duration took) {
  }

  @Test
  void wrongKeys() throws Exception {
    Run r = up(server.url(), "spark-events", Map.of("AWS_ACCESS_KEY_ID", KEYS.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", "wrong-" + KEYS.secretAccessKey().substring(6)));

    assertFailedFast(r, "spark-k8s: S3 at " + server.url() + ", bucket spark-events: S3 answered 403 SignatureDoesNotMatch");
    assertThat(r.err()).contains("(are the access keys right?)").doesNotContain(KEYS.secretAccessKey().substring(6));
  }

  @Test
  void missingBucketIsNamedAndNotCreated() throws Exception {
    Run r = up(server.url(), "no-such-bucket", Map.of("AWS_ACCESS_KEY_ID", KEYS.accessKeyId(),
        "AWS_SECRET_ACCESS_KEY", KEYS.secretAccessKey()));

    assertFailedFast(r, "spark-k8s: S3 at " + server.url() + ", bucket no-such-bucket: S3 answered 404 NoSuchBucket");
    assertThat(EmbeddedS3.dataDir(serverDir).resolve("no-such-bucket")).as("a bucket on the user's endpoint").doesNotExist();
  }

  @Test
  void endpointThatDoesNotAnswer() throws Exception {
    String closed = "http://127.0.0.1:" + freePort();
    Run r = up(closed, "spark-events", Map.of());

    assertFailedFast(r, "spark-k8s: S3 at " + closed + ", bucket spark-events: unreachable: ConnectException");
  }

  private void assertFailedFast(Run r, String firstLine) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
    assertThat(r.err()).startsWith(firstLine);
    assertThat(r.err().lines()).as(r.err()).hasSize(1);
    assertThat(r.took()).isLessThan(FAST);
    assertThat(runDir.resolve("state.json")).doesNotExist();
    assertThat(SparkProcesses.of(runDir)).as("processes of the run").isEmpty();
  }

  /** {@code spark-k8s up --local} with the event log in this bucket on this endpoint, keys from the Secret the values name. */
  private Run up(String endpoint, String bucket, Map<String, String> env) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(REPO.resolve("bin/spark-k8s").toString(), "up", "--local",
        "--run-dir", runDir.toString(), "--set", "spark.s3.enabled=true", "--set", "spark.s3.endpoint=" + endpoint,
        "--set", "spark.s3.credentials.secretName=s3-keys", "--set", "spark.eventLog.dir=s3a://" + bucket + "/logs"));
    Path err = runDir.resolve("err");
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile());
    // As a user runs it: the test JVM options would make every JVM say so on stderr.
    pb.environment().remove("JAVA_TOOL_OPTIONS");
    pb.environment().remove("AWS_ACCESS_KEY_ID");
    pb.environment().remove("AWS_SECRET_ACCESS_KEY");
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("up finished").isTrue();
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    String text = Files.readString(err, StandardCharsets.UTF_8);
    Files.delete(err);
    return new Run(p.exitValue(), text, took);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }
}
