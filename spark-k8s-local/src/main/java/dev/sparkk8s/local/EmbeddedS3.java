package dev.sparkk8s.local;

import dev.sparkk8s.common.Poll;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The local runtime's S3 server, in place of the MinIO (or AWS S3) a cluster has: S3Proxy with a
 * filesystem blob store under {@code <run dir>/s3/data}, one more process of the run, with access keys of
 * its own. The keys live in {@code <run dir>/s3/s3proxy.properties}, readable by the user only, which is
 * where S3Proxy reads them; the platform's processes get them as the Secret the release names.
 */
public final class EmbeddedS3 {

  /** The name of its process in the run state. */
  public static final String INSTANCE = "s3";
  /** Its port's name in the run state. */
  public static final String PORT_NAME = "http";
  /** The port it prefers, MinIO's. */
  static final int PREFERRED_PORT = 9000;

  private static final String MAIN = "org.gaul.s3proxy.Main";
  private static final String JARS = "spark-dist/s3proxy/target/s3proxy/lib";
  private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
  private static final String IDENTITY = "s3proxy.identity";
  private static final String CREDENTIAL = "s3proxy.credential";

  private EmbeddedS3() {
  }

  /** {@code <run dir>/s3/data}: the buckets, a directory each, their objects as files. */
  public static Path dataDir(Path runDir) {
    return dir(runDir).resolve("data");
  }

  /** The URL S3 clients on this machine use. */
  public static String url(int port) {
    return "http://" + LocalAddresses.LOOPBACK + ":" + port;
  }

  /** As {@link #start(Path, int, S3Credentials)}, on an ephemeral port (a test's server next to others). */
  public static LocalProcess start(Path runDir, S3Credentials credentials) {
    return start(runDir, LocalPorts.ephemeral().any(), credentials);
  }

  /**
   * Starts the server with these keys on this port and returns once it answers, or fails with its log's
   * last lines. The run's data directory is kept from earlier runs.
   */
  public static LocalProcess start(Path runDir, int port, S3Credentials credentials) {
    Path jars = SparkHome.projectDir().resolve(JARS);
    // The build assembles S3Proxy's jars (spark-dist/s3proxy) as it makes the Spark homes.
    if (!Files.isDirectory(jars)) {
      throw new LocalRuntimeException("no S3Proxy at " + jars + "; build it with: " + SparkHome.BUILD_COMMAND);
    }
    Path dir = dir(runDir);
    Path log = dir.resolve("s3proxy.log");
    try {
      Files.createDirectories(dataDir(runDir));
      Path properties = writeProperties(dir, port, credentials);
      Path logback = Files.writeString(dir.resolve("logback.xml"), LOGBACK);
      List<String> command = new ArrayList<>(List.of(SparkClassCommand.javaBinary(), PodRunner.RUN_MARKER + runDir,
          "-Xmx512m", "-XX:+UseSerialGC", "-Dlogback.configurationFile=" + logback, "-cp", jars + "/*", MAIN,
          "--properties", properties.toString()));
      Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(Redirect.appendTo(log.toFile())).redirectInput(Redirect.from(new File("/dev/null"))).start();
      LocalProcess record = new LocalProcess(INSTANCE, null, process.pid(), Map.of(PORT_NAME, port), url(port), log);
      awaitReady(process, port, log);
      return record;
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start the embedded S3 server in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Creates the buckets that do not exist yet on a server this machine runs (path-style, the default region). */
  public static void createBuckets(String url, S3Credentials credentials, List<String> buckets) {
    new S3Buckets(url, new S3Settings(url, "us-east-1", true, buckets, null, null), credentials).create(buckets);
  }

  /** The keys of the run's server, if it has one. */
  public static Optional<S3Credentials> credentials(Path runDir) {
    Path file = dir(runDir).resolve("s3proxy.properties");
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(file)) {
      p.load(in);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Optional.of(new S3Credentials(p.getProperty(IDENTITY), p.getProperty(CREDENTIAL)));
  }

  /** The Secret the release's pods read the keys from, under the key names they read. */
  static Secret secret(S3Settings s3, S3Credentials credentials) {
    return new SecretBuilder().withNewMetadata().withName(s3.secretName().orElseThrow()).endMetadata()
        .addToStringData(s3.accessKeyId().getKey(), credentials.accessKeyId())
        .addToStringData(s3.secretAccessKey().getKey(), credentials.secretAccessKey()).build();
  }

  /** Forgets the run's keys; the data stays unless asked. */
  static void forget(Path runDir, boolean deleteData) {
    try {
      Files.deleteIfExists(dir(runDir).resolve("s3proxy.properties"));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot delete the embedded S3 server's keys in " + dir(runDir) + ": "
          + e.getMessage(), e);
    }
    if (deleteData) {
      dev.sparkk8s.render.FileTrees.deleteQuietly(dataDir(runDir));
    }
  }

  private static Path dir(Path runDir) {
    return runDir.resolve("s3");
  }

  private static Path writeProperties(Path dir, int port, S3Credentials credentials) throws IOException {
    Path file = dir.resolve("s3proxy.properties");
    OwnerOnlyFiles.create(file);
    Properties p = new Properties();
    p.setProperty("s3proxy.endpoint", url(port));
    p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
    p.setProperty(IDENTITY, credentials.accessKeyId());
    p.setProperty(CREDENTIAL, credentials.secretAccessKey());
    // Headers of newer SDKs (checksums, ...) that S3Proxy does not know are ignored, not refused.
    p.setProperty("s3proxy.ignore-unknown-headers", "true");
    p.setProperty("jclouds.provider", "filesystem");
    p.setProperty("jclouds.filesystem.basedir", dataDir(dir.getParent()).toString());
    try (Writer out = Files.newBufferedWriter(file)) {
      p.store(out, "the run's embedded S3 server (spark-k8s up --local)");
    }
    return file;
  }

  private static void awaitReady(Process process, int port, Path log) {
    boolean ready = Poll.every(Duration.ofMillis(200), START_TIMEOUT).until(() -> {
      if (!process.isAlive()) {
        throw new LocalRuntimeException("the embedded S3 server exited with code " + process.exitValue()
            + " while starting; the last lines of " + log + ":\n" + LogTail.of(log, 15));
      }
      return Readiness.tcp(port);
    });
    if (!ready) {
      ProcessStopper.stop(List.of(process.toHandle()), ProcessStopper.GRACE);
      throw new LocalRuntimeException("the embedded S3 server did not listen on port " + port + " within "
          + START_TIMEOUT.toSeconds() + "s; the last lines of " + log + ":\n" + LogTail.of(log, 15));
    }
  }

  /** Requests and errors, not S3Proxy's and Jetty's debug output. */
  private static final String LOGBACK = """
      <configuration>
        <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
          <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
        </appender>
        <root level="WARN"><appender-ref ref="out"/></root>
        <logger name="org.gaul.s3proxy" level="INFO"/>
      </configuration>
      """;
}
