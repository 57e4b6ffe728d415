package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalProcess;
import dev.sparkk8s.local.LogTail;
import dev.sparkk8s.local.PodObjects;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.Readiness;
import dev.sparkk8s.local.RenderedProcesses;
import dev.sparkk8s.local.S3Credentials;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The kubernetes backend on this machine: the chart rendered with {@code backend: kubernetes},
 * applied to a mock Kubernetes API as {@code kubectl apply} would, the Connect server (the Spark
 * driver) started from its rendered container with only the API server URL and addresses
 * rewritten, and a {@link LocalKubelet} running the executor pods Spark creates.
 */
public final class KubernetesBackendRun implements AutoCloseable {

  public static final String NAMESPACE = "spark-test";
  private static final Duration START_TIMEOUT = Duration.ofMinutes(4);
  private static final Duration POLL = Duration.ofMillis(500);

  /** With S3: the Secret of the namespace holding the S3 server's keys, and the bucket it has for data. */
  public static final String S3_SECRET = "spark-s3";
  public static final String S3_BUCKET = "spark-data";

  private final MockKubernetesApi api;
  private final RenderedRelease release;
  private final LocalKubelet kubelet;
  private final RenderedProcesses processes;
  private final LocalProcess s3;
  private final Path runDir;
  private final String connectUrl;

  private KubernetesBackendRun(MockKubernetesApi api, RenderedRelease release, LocalKubelet kubelet,
      RenderedProcesses processes, LocalProcess s3, Path runDir) {
    this.api = api;
    this.release = release;
    this.kubelet = kubelet;
    this.processes = processes;
    this.s3 = s3;
    this.runDir = runDir;
    this.connectUrl = "sc://127.0.0.1:" + processes.port("connect", PortNames.GRPC);
  }

  /**
   * Renders, applies and starts; returns once the Connect server answered a query.
   *
   * @param sets extra {@code --set} arguments for the chart
   */
  public static KubernetesBackendRun start(Path chartDir, String sparkVersion, List<String> sets, Path runDir) {
    return start(chartDir, sparkVersion, sets, runDir, true);
  }

  /**
   * @param firstQuery whether to wait for a first query answered; without it, returns once the
   *                   server listens (for releases whose executors are expected not to start)
   */
  public static KubernetesBackendRun start(Path chartDir, String sparkVersion, List<String> sets, Path runDir,
      boolean firstQuery) {
    return start(chartDir, sparkVersion, sets, runDir, firstQuery, false);
  }

  /**
   * With S3 as on a cluster with MinIO: an S3 server on this machine (the local runtime's embedded one, data in
   * {@code <run dir>/s3/data}) with bucket {@value #S3_BUCKET}, its keys in Secret {@value #S3_SECRET} of the
   * namespace, and the release rendered with {@code spark.s3.*} pointing there; the Connect server and the
   * executor pods read the keys from that Secret, the kubelet from the API.
   */
  public static KubernetesBackendRun startWithS3(Path chartDir, String sparkVersion, List<String> sets, Path runDir) {
    return start(chartDir, sparkVersion, sets, runDir, true, true);
  }

  private static KubernetesBackendRun start(Path chartDir, String sparkVersion, List<String> sets, Path runDir,
      boolean firstQuery, boolean withS3) {
    S3Credentials keys = S3Credentials.random();
    LocalProcess s3 = withS3 ? EmbeddedS3.start(runDir, freePort(), keys) : null;
    List<String> allSets = new ArrayList<>(sets);
    if (s3 != null) {
      allSets.addAll(List.of("spark.image.repository=spark-k8s/spark-with-s3a", "spark.s3.enabled=true",
          "spark.s3.endpoint=" + s3.url(), "spark.s3.credentials.secretName=" + S3_SECRET));
    }
    MockKubernetesApi api = new MockKubernetesApi();
    LocalKubelet kubelet = null;
    RenderedProcesses processes = null;
    RenderedRelease release = null;
    try {
      if (s3 != null) {
        EmbeddedS3.createBuckets(s3.url(), keys, List.of(S3_BUCKET));
      }
      RenderRequest.Builder request = RenderRequest.builder().namespace(NAMESPACE)
          .set("spark.version", sparkVersion).set("spark.connect.mode.k8s.backend", "kubernetes")
          .values(UserValues.sets(allSets));
      release = new ChartRenderer(chartDir).render(request.build());
      SparkHome home = SparkHome.built(sparkVersion);
      apply(api, release);
      PodObjects objects = PodObjects.of(release);
      if (s3 != null) {
        Secret secret = new SecretBuilder().withNewMetadata().withName(S3_SECRET).endMetadata()
            .addToStringData("AWS_ACCESS_KEY_ID", keys.accessKeyId())
            .addToStringData("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey()).build();
        api.client().secrets().inNamespace(NAMESPACE).resource(secret).create();
        objects = objects.with(secret);
      }
      kubelet = new LocalKubelet(api.client(), NAMESPACE, home, runDir).start();
      processes = RenderedProcesses.start(release, objects, NAMESPACE, List.of(Component.CONNECT), home, runDir,
          Map.of("https://kubernetes.default.svc", api.url()), Map.of());
      KubernetesBackendRun run = new KubernetesBackendRun(api, release, kubelet, processes, s3, runDir);
      run.awaitListening();
      if (firstQuery) {
        ConnectProbe.firstQuery(run.connectUrl);
      }
      return run;
    } catch (RuntimeException e) {
      if (processes != null) {
        stopServer(processes, release);
      }
      if (kubelet != null) {
        kubelet.close();
      }
      api.close();
      stopS3(s3);
      throw e;
    }
  }

  /** The S3 server's buckets as directories, their objects as files (with {@link #startWithS3}). */
  public Path s3Data() {
    if (s3 == null) {
      throw new IllegalStateException("this run has no S3 server; start it with startWithS3");
    }
    return EmbeddedS3.dataDir(runDir);
  }

  public String connectUrl() {
    return connectUrl;
  }

  public MockKubernetesApi api() {
    return api;
  }

  public LocalKubelet kubelet() {
    return kubelet;
  }

  public RenderedRelease release() {
    return release;
  }

  /** The Connect server's (driver's) log. */
  public Path driverLog() {
    return processes.log("connect");
  }

  /** The chart's Roles, as applied in the namespace. */
  public List<Role> roles() {
    return api.client().rbac().roles().inNamespace(NAMESPACE).list().getItems();
  }

  /** Executor pods in the API now (Spark deletes them when it scales down). */
  public List<Pod> executorPods() {
    return api.client().pods().inNamespace(NAMESPACE).withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR).list().getItems();
  }

  private void awaitListening() {
    int port = processes.port("connect", PortNames.GRPC);
    Process server = processes.process("connect");
    boolean listening = Poll.every(POLL, START_TIMEOUT).until(() -> {
      if (!server.isAlive()) {
        throw new IllegalStateException("the Connect server exited with " + server.exitValue() + ":\n"
            + LogTail.of(driverLog(), 30));
      }
      return Readiness.tcp(port);
    });
    if (!listening) {
      throw new IllegalStateException("the Connect server did not open its port in time:\n" + LogTail.of(driverLog(), 30));
    }
  }

  /** What {@code kubectl apply} of the rendered release creates, plus the driver pod the Deployment would run. */
  private static void apply(MockKubernetesApi api, RenderedRelease release) {
    var client = api.client();
    client.serviceAccounts().inNamespace(NAMESPACE)
        .resource(new ServiceAccountBuilder().withNewMetadata().withName("default").endMetadata().build()).create();
    for (HasMetadata rendered : release.objects()) {
      // A copy: the release's objects are shared with everyone who reads the release.
      HasMetadata o = client.getKubernetesSerialization().clone(rendered);
      o.getMetadata().setNamespace(NAMESPACE);
      client.resource(o).inNamespace(NAMESPACE).create();
    }
    Deployment connect = connectDeployment(release);
    Pod driver = new PodBuilder().withMetadata(connect.getSpec().getTemplate().getMetadata())
        .editMetadata().withName("connect").withNamespace(NAMESPACE).endMetadata()
        .withSpec(connect.getSpec().getTemplate().getSpec())
        .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").endStatus().build();
    Pod created = client.pods().inNamespace(NAMESPACE).resource(driver).create();
    created.setStatus(driver.getStatus());
    client.pods().inNamespace(NAMESPACE).resource(created).updateStatus();
  }

  /** Stops the Connect server (the driver) as its pod would be stopped: SIGTERM, then its grace period. */
  private static void stopServer(RenderedProcesses processes, RenderedRelease release) {
    Long grace = connectDeployment(release).getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
    ProcessStopper.stop(List.of(processes.process("connect").toHandle()), Duration.ofSeconds(grace == null ? 30 : grace));
  }

  private static Deployment connectDeployment(RenderedRelease release) {
    return release.objects(Deployment.class).stream()
        .filter(Component.CONNECT::labels)
        .findFirst().orElseThrow(() -> new IllegalStateException("the release has no Connect server Deployment"));
  }

  @Override
  public void close() {
    stopServer(processes, release);
    kubelet.close();
    api.close();
    stopS3(s3);
  }

  private static void stopS3(LocalProcess s3) {
    if (s3 != null) {
      ProcessStopper.stop(s3.handle().stream().toList(), Duration.ofSeconds(10));
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
