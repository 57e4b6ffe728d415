package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded S3 server (S3Proxy on a filesystem blob store) and the runtime's own S3 requests against it:
 * buckets created there, and each bad input named in one line with what S3 answered.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class EmbeddedS3Test {

  @TempDir
  static Path runDir;
  private static LocalProcess server;
  private static final S3Credentials KEYS = S3Credentials.random();
  private static final S3Settings S3 = new S3Settings("", "us-east-1", true, List.of(), null, null);

  @BeforeAll
  static void start() {
    server = EmbeddedS3.start(runDir, LocalPorts.ephemeral().any(), KEYS);
  }

  @AfterAll
  static void stop() {
    ProcessStopper.stop(List.of(server), runDir);
  }

  @Test
  void createsBucketsAsDirectoriesOfTheRunAndKeepsTheKeysFromOthers() throws Exception {
    new S3Buckets(server.url(), S3, KEYS).create(List.of("spark-events", "spark-data"));
    new S3Buckets(server.url(), S3, KEYS).create(List.of("spark-events"));

    assertThat(EmbeddedS3.dataDir(runDir).resolve("spark-events")).isDirectory();
    assertThat(EmbeddedS3.dataDir(runDir).resolve("spark-data")).isDirectory();
    assertThat(EmbeddedS3.credentials(runDir)).contains(KEYS);
    assertThat(Files.getPosixFilePermissions(runDir.resolve("s3/s3proxy.properties")))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(KEYS.toString()).doesNotContain(KEYS.secretAccessKey());
  }

  @Test
  void wrongKeysAreRefusedNamingTheEndpointAndBucket() {
    new S3Buckets(server.url(), S3, KEYS).create(List.of("checked"));
    S3Credentials wrong = new S3Credentials(KEYS.accessKeyId(), "not-the-secret-0000000000000000000000000");

    assertThatThrownBy(() -> new S3Buckets(server.url(), S3, wrong).require(List.of("checked")))
        .isInstanceOf(LocalInputException.class)
        .hasMessage("S3 at " + server.url() + ", bucket checked: S3 answered 403 SignatureDoesNotMatch"
            + " (The request signature we calculated does not match the signature you provided. Check your key and"
            + " signing method.) (are the access keys right?)");
    assertThatThrownBy(() -> new S3Buckets(server.url(), S3, S3Credentials.random()).require(List.of("checked")))
        .hasMessageStartingWith("S3 at " + server.url() + ", bucket checked: S3 answered 403 InvalidAccessKeyId");
  }

  @Test
  void aMissingBucketIsNamedAndNotCreatedWhenOnlyChecked() {
    assertThatThrownBy(() -> new S3Buckets(server.url(), S3, KEYS).require(List.of("nowhere")))
        .isInstanceOf(LocalInputException.class)
        .hasMessageStartingWith("S3 at " + server.url() + ", bucket nowhere: S3 answered 404 NoSuchBucket");
    assertThat(EmbeddedS3.dataDir(runDir).resolve("nowhere")).doesNotExist();
  }

  @Test
  void anEndpointThatDoesNotAnswerFailsWithinSeconds() {
    String closed = EmbeddedS3.url(LocalPorts.ephemeral().any());
    long start = System.nanoTime();

    assertThatThrownBy(() -> new S3Buckets(closed, S3, KEYS).require(List.of("spark-events")))
        .isInstanceOf(LocalInputException.class)
        .hasMessageStartingWith("S3 at " + closed + ", bucket spark-events: unreachable: ConnectException");
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
  }
}
