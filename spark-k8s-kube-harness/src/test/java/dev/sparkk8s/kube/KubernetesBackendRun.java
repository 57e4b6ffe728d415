package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import dev.sparkk8s.connect.ConnectProbe;
import dev.sparkk8s.local.LogTail;
import dev.sparkk8s.local.ProcessStopper;
import dev.sparkk8s.local.Readiness;
import dev.sparkk8s.local.RenderedProcesses;
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
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.nio.file.Path;
import java.time.Duration;
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

  private final MockKubernetesApi api;
  private final RenderedRelease release;
  private final LocalKubelet kubelet;
  private final RenderedProcesses processes;
  private final String connectUrl;

  private KubernetesBackendRun(MockKubernetesApi api, RenderedRelease release, LocalKubelet kubelet,
      RenderedProcesses processes) {
    this.api = api;
    this.release = release;
    this.kubelet = kubelet;
    this.processes = processes;
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
    RenderRequest.Builder request = RenderRequest.builder().namespace(NAMESPACE)
        .set("spark.version", sparkVersion).set("spark.connect.mode.k8s.backend", "kubernetes")
        .values(UserValues.sets(sets));
    RenderedRelease release = new ChartRenderer(chartDir).render(request.build());
    SparkHome home = SparkHome.built(sparkVersion);
    MockKubernetesApi api = new MockKubernetesApi();
    LocalKubelet kubelet = null;
    RenderedProcesses processes = null;
    try {
      apply(api, release);
      kubelet = new LocalKubelet(api.client(), NAMESPACE, home, runDir).start();
      processes = RenderedProcesses.start(release, NAMESPACE, List.of(Component.CONNECT), home, runDir,
          Map.of("https://kubernetes.default.svc", api.url()), Map.of());
      KubernetesBackendRun run = new KubernetesBackendRun(api, release, kubelet, processes);
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
      throw e;
    }
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

  /** The driver's UI, where Spark serves its metrics (monitoring.enabled). */
  public String driverUiUrl() {
    return "http://127.0.0.1:" + processes.port("connect", PortNames.UI);
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
  }
}
