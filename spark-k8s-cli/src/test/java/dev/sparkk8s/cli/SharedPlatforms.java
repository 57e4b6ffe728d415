package dev.sparkk8s.cli;

import dev.sparkk8s.connect.ConnectTrust;
import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalConnectAuth;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.render.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * The test run's {@code up --local --monitoring --auth} platforms, one per Spark line (S3, spark.authenticate and
 * encryption on, Spark Connect behind TLS and a token), for ITs that use a platform
 * without breaking it (queries, load runs, status). The first test that asks for a line starts it, in
 * a thread of the run's, and waits for it within its own timeout: a test whose time runs out while it
 * waits fails alone, and the start goes on for the tests after it. When the run ends, {@code down} stops
 * them all. A platform that did not start fails every test that asks for it, at once, with what
 * {@code up} said. What {@code up} printed (its timeline) is in the run's output. Tests that kill or
 * restart processes start a platform of their own.
 *
 * <p>Tests get the run's one instance as a parameter: {@code @ExtendWith(SharedPlatforms.Resolver.class)}.
 */
final class SharedPlatforms implements ExtensionContext.Store.CloseableResource {

  /** Values every shared platform is started with, so that tests can see them reach the server. */
  static final String EXECUTOR_MEMORY = "768m";
  static final String SHUFFLE_PARTITIONS = "7";
  /** S3 (the event log, a warehouse bucket) on the embedded S3 server, which plays the preset's MinIO: S3LocalIT. */
  static final String S3_PRESET = "presets/s3-minio.yaml";
  /**
   * spark.authenticate with RPC and disk encryption: the Secret the runtime makes for the run (SecurityLocalIT). With
   * --auth, every session of the ITs reaches the Connect server through its TLS proxy with the run's token
   * (ConnectAuthLocalIT).
   */
  static final String AUTH_SECRET = "spark-auth";
  /**
   * Workers with room for batch jobs beside the Connect server's executor, which holds 2 cores for as long as it runs
   * (LocalJobsIT): two jobs at once, each a driver (1 core, 1 GiB) and an executor (2 cores, 768m).
   */
  static final String WORKER_CORES = "8";
  static final String WORKER_MEMORY = "5g";
  private static final Duration STOP_TIMEOUT = Duration.ofMinutes(2);

  /** One started platform: its run directory and what {@code up} printed. */
  record Platform(String sparkLine, Path runDir, Cli.Result up) {

    LocalState state() {
      return LocalState.read(runDir).orElseThrow(() -> new AssertionError("no run state in " + runDir));
    }

    String connectUrl() {
      return state().connectUrl();
    }
  }

  private final Map<String, Future<Platform>> starts = new LinkedHashMap<>();
  private final ExecutorService starter = Executors.newCachedThreadPool(task -> {
    Thread thread = new Thread(task, "shared-platform-start");
    thread.setDaemon(true);
    return thread;
  });
  private final Map<String, Path> runDirs = new LinkedHashMap<>();

  /** The running platform of this Spark line, started now if it is the first time it is asked for. */
  Platform of(String sparkLine) throws InterruptedException {
    Future<Platform> start;
    synchronized (this) {
      start = starts.computeIfAbsent(sparkLine, line -> starter.submit(() -> up(line)));
    }
    try {
      return start.get();
    } catch (ExecutionException e) {
      throw new AssertionError("the shared Spark " + sparkLine + " platform did not start", e.getCause());
    }
  }

  private Platform up(String sparkLine) throws IOException {
    Path runDir = Files.createTempDirectory("spark-k8s-shared-" + sparkLine + "-");
    synchronized (this) {
      runDirs.put(sparkLine, runDir);
    }
    Cli.Result up = Cli.run("up", "--local", "--spark", sparkLine, "--run-dir", runDir.toString(), "--monitoring",
        "-f", Cli.repoChart().resolve(S3_PRESET).toString(),
        "--set", "spark.executor.memory=" + EXECUTOR_MEMORY,
        "--set", "spark.standalone.worker.cores=" + WORKER_CORES, "--set", "spark.standalone.worker.memory=" + WORKER_MEMORY,
        "--set", "spark.conf.spark\\.sql\\.shuffle\\.partitions=" + SHUFFLE_PARTITIONS,
        "--set", "security.authenticate.enabled=true", "--set", "security.authenticate.existingSecret=" + AUTH_SECRET,
        "--set", "security.networkEncryption=true", "--set", "security.ioEncryption=true", "--auth");
    if (up.exitCode() != 0) {
      throw new AssertionError("up --local --spark " + sparkLine + " failed (its logs are kept in " + runDir + "):\n"
          + up);
    }
    System.out.println("The shared Spark " + sparkLine + " platform: " + up.out());
    // Its clients (every IT that uses it) trust the run's CA, as a user does with up's "CA certificate:" line.
    ConnectTrust.trust(LocalConnectAuth.caCertificate(runDir).orElseThrow());
    return new Platform(sparkLine, runDir, up);
  }

  /** Stops every platform, also one whose start never finished, and fails when a process is left. */
  @Override
  public void close() {
    synchronized (this) {
      starts.values().forEach(start -> start.cancel(true));
    }
    starter.shutdown();
    try {
      // A start that was cancelled stops what it started; down must not run before it has.
      if (!starter.awaitTermination(STOP_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
        throw new IllegalStateException("a shared platform's start did not end " + STOP_TIMEOUT + " after it was cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while the shared platforms' starts ended", e);
    }
    List<String> problems = new ArrayList<>();
    Map<String, Path> runDirsByLine;
    synchronized (this) {
      runDirsByLine = new LinkedHashMap<>(runDirs);
    }
    runDirsByLine.forEach((line, runDir) -> {
      Cli.Result down = Cli.run("down", "--local", "--run-dir", runDir.toString());
      if (down.exitCode() != 0) {
        problems.add("down of the shared Spark " + line + " platform failed:\n" + down);
      }
      List<ProcessHandle> left = new ArrayList<>(SparkProcesses.of(runDir));
      left.addAll(SparkProcesses.prometheusOf(runDir));
      left.addAll(SparkProcesses.nginxOf(runDir));
      if (!left.isEmpty()) {
        problems.add("processes of the shared Spark " + line + " platform left after down (the S3 server's too): " + left);
      }
      if (started(line) && !Files.isDirectory(EmbeddedS3.dataDir(runDir).resolve("spark-events"))) {
        problems.add("down of the shared Spark " + line + " platform did not keep the S3 server's data");
      }
      if (started(line)) {
        FileTrees.deleteQuietly(runDir);
      }
    });
    if (!problems.isEmpty()) {
      throw new IllegalStateException(String.join("\n", problems));
    }
  }

  private boolean started(String sparkLine) {
    Future<Platform> start = starts.get(sparkLine);
    try {
      return start.isDone() && !start.isCancelled() && start.get() != null;
    } catch (ExecutionException | InterruptedException e) {
      return false;
    }
  }

  /** Resolves a test's {@link SharedPlatforms} parameter to the run's one instance. */
  static final class Resolver implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(SharedPlatforms.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
      return parameter.getParameter().getType() == SharedPlatforms.class;
    }

    @Override
    public SharedPlatforms resolveParameter(ParameterContext parameter, ExtensionContext context) {
      return context.getRoot().getStore(NAMESPACE)
          .getOrComputeIfAbsent(SharedPlatforms.class, key -> new SharedPlatforms(), SharedPlatforms.class);
    }
  }
}
