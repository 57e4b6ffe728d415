package dev.sparkk8s.local;

import dev.sparkk8s.connect.ConnectTrust;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code spark-k8s up --local}: the chart's Standalone master, workers, History Server and Connect
 * server as processes on this machine, started from what the chart rendered; with monitoring, a Prometheus
 * server scraping them ({@link LocalPrometheus}).
 */
public final class LocalPlatform {

  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  /** The namespace the release is rendered for; Service names in it become local addresses. */
  static final String NAMESPACE = "default";

  private final Consumer<String> progress;
  private Duration firstAnswer;

  public LocalPlatform(Consumer<String> progress) {
    this.progress = progress;
  }

  /**
   * How long the last {@link #up} took until the Connect server answered its first query; it returns later, once
   * every process (the History Server too) passes its readiness probe.
   */
  public Duration firstAnswer() {
    return firstAnswer;
  }

  public LocalState up(LocalOptions options, SparkHome home) {
    Path runDir = options.runDir().toAbsolutePath();
    LocalState.read(runDir).filter(LocalState::anyAlive).ifPresent(running -> {
      throw new LocalInputException("a local platform is already up at " + running.connectUrl()
          + " (Spark " + running.sparkVersion() + "); stop it with: spark-k8s down --local");
    });
    Instant start = Instant.now();
    LocalPorts ports = LocalPorts.preferringContainerPorts();
    RenderedRelease release = LocalChart.render(options);
    Optional<S3Settings> s3 = S3Settings.of(release);
    Integer s3Port = null;
    if (s3.filter(S3Settings::embedded).isPresent()) {
      s3Port = ports.near(EmbeddedS3.PREFERRED_PORT);
      release = LocalChart.render(options, embeddedS3Values(s3.get(), s3Port));
      s3 = S3Settings.of(release);
    }
    List<ChartContainer> containers = ChartContainer.of(release);
    MemoryBudget.check(containers);
    Path prometheus = options.monitoring() ? LocalPrometheus.binary() : null;
    Optional<LocalConnectAuth.References> connectAuth = LocalConnectAuth.references(release);
    if (connectAuth.isPresent()) {
      NginxImage.binary();
    }
    LocalOptions.ConnectAuth auth = options.connectAuth();
    Optional<LocalTlsCertificates.Pem> usersCertificate = auth.certificate() == null ? Optional.empty()
        : Optional.of(LocalTlsCertificates.userPair(auth.certificate(), LocalOptions.ConnectAuth.CERTIFICATE_OPTION,
            auth.key(), LocalOptions.ConnectAuth.KEY_OPTION));
    Map<Integer, String> exact = options.connectPort() == null ? Map.of()
        : Map.of(options.connectPort(), "--connect-port");
    // Everything the user asked for is checked before the archive, whose first making takes a while.
    exact.forEach((port, option) -> LocalPorts.preferringContainerPorts().exactly(port, option));
    if (s3.isPresent() && s3Port == null) {
      requireUsersBuckets(s3.get(), PodObjects.of(release));
    }
    ClassDataArchive archive = ClassDataArchive.of(home);
    archive.ensure(progress);
    resetRunDir(runDir);
    writeRelease(runDir, release);
    if (connectAuth.isPresent()) {
      LocalConnectAuth.prepare(runDir, usersCertificate);
      // up's own first query goes through the proxy, as a client's would.
      LocalConnectAuth.caCertificate(runDir).ifPresent(ConnectTrust::trust);
    }
    LocalProcess s3Server = s3Port == null ? null
        : startEmbeddedS3(s3.get(), s3Port, new LocalState(options.sparkVersion(), runDir, start, null, null, null, null,
            List.of(), home.dir(), null, null, null));
    PodObjects objects = podObjects(release, runDir);

    progress.accept("Starting Spark " + options.sparkVersion() + " from " + home.dir() + ": "
        + String.join(", ", containers.stream().map(ChartContainer::instance).toList()));
    RenderedProcesses processes;
    try {
      processes = RenderedProcesses.startContainers(release, objects, NAMESPACE, containers, home, archive, runDir,
          Map.of(), ports, exact);
    } catch (RuntimeException e) {
      down(runDir, false);
      throw e;
    }
    LocalState state = state(options, home, runDir, start, processes.records(), s3Server);
    state.write();
    try {
      if (prometheus != null) {
        List<ScrapeJob> jobs = new ArrayList<>(LocalPrometheus.jobs(release, containers, processes.addresses()));
        LocalProcess containerMetrics = LocalKubeletMetrics.start(runDir, ports.near(LocalKubeletMetrics.PREFERRED_PORT),
            NAMESPACE, containers);
        state = state.withMonitoring(null, containerMetrics);
        state.write();
        jobs.add(LocalKubeletMetrics.scrapeJob(containerMetrics));
        state = state.withMonitoring(LocalPrometheus.start(prometheus, jobs, release, runDir,
            ports.near(LocalPrometheus.PREFERRED_PORT)), containerMetrics);
        state.write();
      }
      StartupWatch watch = new StartupWatch(processes.started(), processes.addresses(), progress, start);
      watch.awaitReady(START_TIMEOUT, state);
      firstAnswer = watch.firstAnswer();
    } catch (RuntimeException e) {
      progress.accept("Start failed; stopping what was started.");
      down(runDir, false);
      throw e;
    }
    return state;
  }

  /**
   * Starts the run's S3 server with new keys and creates the release's buckets there. It is recorded in the run
   * state (the state of a run with no Spark process yet) at once, so that a failure from here on stops it too.
   */
  private LocalProcess startEmbeddedS3(S3Settings s3, int port, LocalState before) {
    S3Credentials keys = S3Credentials.random();
    LocalProcess server = EmbeddedS3.start(before.runDir(), port, keys);
    new LocalState(before.sparkVersion(), before.runDir(), before.started(), null, null, null, null, List.of(),
        before.sparkHome(), server, null, null).write();
    try {
      new S3Buckets(server.url(), s3, keys).create(s3.buckets());
    } catch (RuntimeException e) {
      down(before.runDir(), false);
      throw e;
    }
    progress.accept("S3 (embedded, data in " + EmbeddedS3.dataDir(before.runDir()) + ") at " + server.url()
        + ": buckets " + String.join(", ", s3.buckets()));
    return server;
  }

  /**
   * What the run's pods refer to: the release's objects, the Secret with the embedded S3 server's keys, the one
   * with the run's authentication secret and those of the Connect server's TLS proxy.
   */
  static PodObjects podObjects(RenderedRelease release, Path runDir) {
    PodObjects objects = PodObjects.of(release);
    Optional<S3Settings> s3 = S3Settings.of(release).filter(settings -> settings.secretName().isPresent());
    Optional<S3Credentials> keys = EmbeddedS3.credentials(runDir);
    if (s3.isPresent() && keys.isPresent()) {
      objects = objects.with(EmbeddedS3.secret(s3.get(), keys.get()));
    }
    Optional<SecretKeySelector> auth = LocalAuthSecret.reference(release);
    if (auth.isPresent()) {
      objects = objects.with(LocalAuthSecret.secret(runDir, auth.get()));
    }
    for (Secret secret : LocalConnectAuth.references(release).map(refs -> LocalConnectAuth.secrets(runDir, refs))
        .orElse(List.of())) {
      objects = objects.with(secret);
    }
    return objects;
  }

  /**
   * What the run sets for its embedded S3 server: its address as the endpoint, and a Secret name when the
   * values name none (the runtime holds that Secret, with the run's keys).
   */
  private static Map<String, String> embeddedS3Values(S3Settings s3, int port) {
    if (!s3.pathStyle()) {
      throw new LocalInputException("spark.s3.pathStyleAccess=false: up --local's own S3 server answers path-style "
          + "requests only; set it to true, or give an S3 endpoint of your own in spark.s3.endpoint");
    }
    Map<String, String> values = new LinkedHashMap<>();
    values.put("spark.s3.endpoint", EmbeddedS3.url(port));
    if (s3.secretName().isEmpty()) {
      values.put("spark.s3.credentials.secretName", LocalChart.RELEASE + "-s3-credentials");
    }
    return values;
  }

  /**
   * The buckets on a user's endpoint, with the keys the processes will get (the Secret's, or this shell's
   * AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), or unsigned when they get none (their own identity).
   */
  private static void requireUsersBuckets(S3Settings s3, PodObjects objects) {
    S3Credentials keys = null;
    if (s3.accessKeyId() != null && s3.secretAccessKey() != null) {
      Optional<String> id = ContainerEnv.secretKey(objects, s3.accessKeyId(), S3Settings.ACCESS_KEY_VARIABLE);
      Optional<String> secret = ContainerEnv.secretKey(objects, s3.secretAccessKey(), S3Settings.SECRET_KEY_VARIABLE);
      keys = id.isPresent() && secret.isPresent() ? new S3Credentials(id.get(), secret.get()) : null;
    }
    new S3Buckets(s3.endpoint(), s3, keys).require(s3.buckets());
  }

  /** Every recorded process (the embedded S3 server's and the Prometheus server's too) and whether it answers its readiness check. */
  public static List<LocalProcessStatus> status(Path runDir) {
    LocalState state = LocalState.read(runDir.toAbsolutePath())
        .orElseThrow(() -> new LocalRuntimeException("no local platform at " + runDir + "; start one with: spark-k8s up --local"));
    return state.allProcesses().stream().map(LocalProcessStatus::of).toList();
  }

  /** Stops every process of the run, their children (executors) included; keeps the S3 data. */
  public static int down(Path runDir) {
    return down(runDir, false);
  }

  /**
   * Stops every process of the run, their children (executors) and the embedded S3 server included.
   * Returns how many were stopped.
   *
   * @param deleteS3Data whether the embedded S3 server's buckets go too (else they wait for the next up)
   */
  public static int down(Path runDir, boolean deleteS3Data) {
    Path dir = runDir.toAbsolutePath();
    // The S3 server last: the Connect and History servers write their last event-log bytes there when they stop.
    int stopped = LocalState.read(dir).map(state -> ProcessStopper.stop(state.allProcesses().stream()
        .filter(p -> p != state.s3()).toList(), dir)
        + (state.s3() == null ? 0 : ProcessStopper.stop(List.of(state.s3()), dir))).orElse(0);
    EmbeddedS3.forget(dir, deleteS3Data);
    try {
      Files.deleteIfExists(LocalState.file(dir));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot delete " + LocalState.file(dir) + ": " + e.getMessage(), e);
    }
    return stopped;
  }

  /** The run state, with the URLs a person uses. */
  private static LocalState state(LocalOptions options, SparkHome home, Path runDir, Instant start,
      List<LocalProcess> records, LocalProcess s3) {
    List<LocalProcess> processes = new ArrayList<>();
    Map<Component, String> urls = new EnumMap<>(Component.class);
    String masterRpc = null;
    for (LocalProcess p : records) {
      Map<String, Integer> ports = p.ports();
      if (p.sidecar()) {
        processes.add(p);
        continue;
      }
      String url = switch (p.component()) {
        case CONNECT -> connectUrl(ports, runDir);
        case HISTORY -> "http://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.HTTP);
        default -> ports.containsKey(PortNames.WEB_UI)
            ? "http://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.WEB_UI) : null;
      };
      urls.put(p.component(), url);
      if (p.component() == Component.MASTER) {
        masterRpc = "spark://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.RPC);
      }
      processes.add(new LocalProcess(p.name(), p.component(), p.pid(), ports, url, p.log()));
    }
    return new LocalState(options.sparkVersion(), runDir, start, urls.get(Component.CONNECT), masterRpc,
        urls.get(Component.MASTER), urls.get(Component.HISTORY), processes, home.dir().toAbsolutePath(), s3, null, null);
  }

  /** The client URL: through the TLS proxy with the run's token when the pod has it, else the server's port. */
  private static String connectUrl(Map<String, Integer> ports, Path runDir) {
    Integer tls = ports.get(PortNames.GRPC_TLS);
    if (tls == null) {
      return "sc://" + LocalAddresses.LOOPBACK + ":" + ports.get(PortNames.GRPC);
    }
    String token = LocalConnectAuth.token(runDir)
        .orElseThrow(() -> new LocalRuntimeException("the run has no Spark Connect token in " + runDir));
    return "sc://" + LocalAddresses.LOOPBACK + ":" + tls + "/;use_ssl=true;token=" + token;
  }

  /** What was rendered, so that a process can be restarted exactly as it was started ({@link RunningPlatform}). */
  private static void writeRelease(Path runDir, RenderedRelease release) {
    try {
      Files.writeString(runDir.resolve(LocalState.RELEASE_FILE), release.yaml());
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write the rendered release into " + runDir + ": " + e.getMessage(), e);
    }
  }

  private static void resetRunDir(Path runDir) {
    dev.sparkk8s.render.FileTrees.deleteQuietly(runDir.resolve("instances"));
    // Keys of a run that was never brought down must not reach this one's pods.
    EmbeddedS3.forget(runDir, false);
    try {
      Files.createDirectories(runDir);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create the run directory " + runDir + ": " + e.getMessage(), e);
    }
  }
}
