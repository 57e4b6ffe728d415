package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.local.EmbeddedS3;
import dev.sparkk8s.local.LocalConnectAuth;
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
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.charset.StandardCharsets;
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
    this.connectUrl = LocalConnectAuth.references(release)
        .map(refs -> "sc://127.0.0.1:" + processes.port("connect", PortNames.GRPC_TLS) + "/;use_ssl=true;token="
            + token(api, refs.token()))
        .orElse("sc://127.0.0.1:" + processes.port("connect", PortNames.GRPC));
  }

  /** The clients' token of security.connect, from its Secret in the API (its CA the test trusts: ConnectTrust). */
  private static String token(MockKubernetesApi api, SecretKeySelector ref) {
    Secret secret = api.client().secrets().inNamespace(NAMESPACE).withName(ref.getName()).get();
    if (secret == null) {
      throw new IllegalStateException("no Secret " + ref.getName() + " with the Spark Connect token in " + NAMESPACE);
    }
    return secret.getStringData() != null && secret.getStringData().containsKey(ref.getKey())
        ? secret.getStringData().get(ref.getKey())
        : new String(java.util.Base64.getDecoder().decode(secret.getData().get(ref.getKey())), StandardCharsets.UTF_8);
  }

  /**
   * Renders, applies and starts; returns once the Connect server answered a query.
   *
   * @param sets extra {@code --set} arguments for the chart
   */
  public static KubernetesBackendRun start(Path chartDir, String sparkVersion, List<String> sets, Path runDir) {
    return setup(chartDir, sparkVersion, runDir).sets(sets).start();
  }

  /**
   * @param firstQuery whether to wait for a first query answered; without it, returns once the
   *                   server listens (for releases whose executors are expected not to start)
   */
  public static KubernetesBackendRun start(Path chartDir, String sparkVersion, List<String> sets, Path runDir,
      boolean firstQuery) {
    return setup(chartDir, sparkVersion, runDir).sets(sets).firstQuery(firstQuery).start();
  }

  /** A run to describe further (values files, objects that exist before the release, the node) before it starts. */
  public static Setup setup(Path chartDir, String sparkVersion, Path runDir) {
    return new Setup(chartDir, sparkVersion, runDir);
  }

  /** What a run starts from: the chart and its values, the cluster it is installed in. */
  public static final class Setup {

    private final Path chartDir;
    private final String sparkVersion;
    private final Path runDir;
    private final List<Path> valuesFiles = new ArrayList<>();
    private final List<String> sets = new ArrayList<>();
    private final List<HasMetadata> existing = new ArrayList<>();
    private LocalNode node = LocalNode.standard();
    private boolean firstQuery = true;
    private boolean withS3;

    private Setup(Path chartDir, String sparkVersion, Path runDir) {
      this.chartDir = chartDir;
      this.sparkVersion = sparkVersion;
      this.runDir = runDir;
    }

    /** Values files ({@code -f}), applied in order before the {@code --set} arguments. */
    public Setup valuesFiles(Path... files) {
      valuesFiles.addAll(List.of(files));
      return this;
    }

    /** {@code --set} arguments. */
    public Setup sets(List<String> arguments) {
      sets.addAll(arguments);
      return this;
    }

    /**
     * Objects a platform team creates before installing the release (Secrets, ConfigMaps,
     * PriorityClasses, StorageClasses); namespaced ones land in {@link #NAMESPACE}.
     */
    public Setup existing(HasMetadata... objects) {
      existing.addAll(List.of(objects));
      return this;
    }

    /** The node the executor pods run on (labels, taints, GPUs). */
    public Setup node(LocalNode localNode) {
      node = localNode;
      return this;
    }

    /**
     * With S3 as on a cluster with MinIO: an S3 server on this machine (the local runtime's embedded
     * one, data in {@code <run dir>/s3/data}) with bucket {@value #S3_BUCKET}, its keys in Secret
     * {@value #S3_SECRET} of the namespace, and the release rendered with {@code spark.s3.*} pointing
     * there; the Connect server and the executor pods read the keys from that Secret, the kubelet
     * from the API.
     */
    public Setup withS3() {
      withS3 = true;
      return this;
    }

    /** Whether to wait for a first query answered, or only for the server to listen. */
    public Setup firstQuery(boolean wait) {
      firstQuery = wait;
      return this;
    }

    /** Renders, applies and starts; returns once the Connect server answered a query (or listens). */
    public KubernetesBackendRun start() {
      S3Credentials keys = S3Credentials.random();
      LocalProcess s3 = withS3 ? EmbeddedS3.start(runDir, keys) : null;
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
          create(api, new SecretBuilder().withNewMetadata().withName(S3_SECRET).endMetadata()
              .addToStringData("AWS_ACCESS_KEY_ID", keys.accessKeyId())
              .addToStringData("AWS_SECRET_ACCESS_KEY", keys.secretAccessKey()).build());
        }
        RenderRequest.Builder request = RenderRequest.builder().namespace(NAMESPACE)
            .set("spark.version", sparkVersion).set("spark.connect.mode.k8s.backend", "kubernetes")
            .values(new UserValues(null, valuesFiles, allSets));
        release = new ChartRenderer(chartDir).render(request.build());
        SparkHome home = SparkHome.built(sparkVersion);
        existing.forEach(o -> create(api, o));
        apply(api, release);
        kubelet = new LocalKubelet(api.client(), NAMESPACE, node, home, runDir).start();
        processes = RenderedProcesses.start(release, new ApiPodObjects(api.client(), NAMESPACE), NAMESPACE,
            List.of(Component.CONNECT), home, runDir, Map.of("https://kubernetes.default.svc", api.url()), Map.of());
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
  }

  /** The S3 server's buckets as directories, their objects as files (with {@link Setup#withS3}). */
  public Path s3Data() {
    if (s3 == null) {
      throw new IllegalStateException("this run has no S3 server; set it up withS3()");
    }
    return EmbeddedS3.dataDir(runDir);
  }

  public String connectUrl() {
    return connectUrl;
  }

  /** The driver's (Connect server's) web UI, whose {@code /api/v1} is Spark's monitoring REST API. */
  public String uiUrl() {
    return "http://127.0.0.1:" + processes.port("connect", PortNames.UI);
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

  /** An object that exists before the release: namespaced ones in the release's namespace. */
  private static void create(MockKubernetesApi api, HasMetadata o) {
    HasMetadata copy = api.client().getKubernetesSerialization().clone(o);
    if (copy instanceof Namespaced) {
      copy.getMetadata().setNamespace(NAMESPACE);
      api.client().resource(copy).inNamespace(NAMESPACE).create();
    } else {
      api.client().resource(copy).create();
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
        // Running and Ready, as its kubelet reports it once the server listens (Spark waits for a Ready driver pod).
        .withNewStatus().withPhase("Running").withPodIP("127.0.0.1").withHostIP("127.0.0.1")
        .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
        .addNewCondition().withType("Ready").withStatus("True").endCondition()
        .addNewContainerStatus().withName(connect.getSpec().getTemplate().getSpec().getContainers().get(0).getName())
        .withReady(true).withNewState().withNewRunning().endRunning().endState().endContainerStatus()
        .endStatus().build();
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
}
