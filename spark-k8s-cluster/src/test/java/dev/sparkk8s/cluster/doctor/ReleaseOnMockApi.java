package dev.sparkk8s.cluster.doctor;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import dev.sparkk8s.render.contract.PortNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A release of the real chart as a cluster would hold it, in the fabric8 mock API (CRUD mode): the objects the chart
 * renders, the ReplicaSets and pods their controllers make, the executor pods Spark makes from the chart's template,
 * every pod running and ready as its kubelet reports it; the logs the doctor reads, and the Spark UIs' answers behind
 * the API server's pod proxy, as expectations next to CRUD mode. A test changes one thing, then {@link #snapshot()}
 * stores it all and reads it back as the doctor does.
 */
public final class ReleaseOnMockApi implements AutoCloseable {

  public static final String NAMESPACE = "spark";
  public static final String RELEASE = "spark";
  /** The object-name prefix the chart gives release {@code spark}. */
  static final String FULLNAME = "spark-spark-k8s";
  static final String APP_ID = "spark-4f2c9a";
  private static final KubernetesSerialization YAML = new KubernetesSerialization();
  private static final Map<List<String>, RenderedRelease> RENDERS = new ConcurrentHashMap<>();
  /** The mock server logs every request at INFO (java.util.logging); kept here so the setting is not collected. */
  private static final Logger MOCK_LOG = quiet(Logger.getLogger("io.fabric8.mockwebserver"));

  final RenderedRelease rendered;
  /** The pods as their kubelets report them; edit before {@link #snapshot()}. */
  final List<Pod> pods = new ArrayList<>();
  final List<HasMetadata> objects = new ArrayList<>();
  final List<Event> events = new ArrayList<>();
  /** The last lines of each container's log ({@code kubectl logs}), and of its previous run. */
  final Map<ContainerRef, String> logs = new LinkedHashMap<>();
  final Map<ContainerRef, String> previousLogs = new LinkedHashMap<>();
  /** What the Connect server's UI lists at {@code /api/v1/applications/<id>/executors}. */
  String connectExecutors = executors(2);
  /** What the History Server lists at {@code /api/v1/applications?limit=1}. */
  String historyApplications = "[{\"id\":\"" + APP_ID + "\",\"name\":\"" + FULLNAME + "-connect\"}]";

  private final Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
  private final KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), responses,
      new KubernetesMixedDispatcher(responses), false);
  private KubernetesClient client;

  /** The kubernetes backend with an S3 event log read by a History Server. */
  public static ReleaseOnMockApi kubernetesBackend(String... moreSets) {
    List<String> sets = new ArrayList<>(List.of("spark.image.repository=registry.example.com/spark",
        "spark.image.tag=4.1.1-connect-s3", "spark.s3.enabled=true", "spark.s3.endpoint=http://minio.minio.svc:9000",
        "spark.s3.credentials.secretName=minio-credentials", "spark.eventLog.enabled=true",
        "spark.eventLog.dir=s3a://spark-events/logs", "spark.historyServer.enabled=true"));
    sets.addAll(List.of(moreSets));
    return new ReleaseOnMockApi(sets);
  }

  /** The standalone backend: the Connect server, a master and two workers. */
  public static ReleaseOnMockApi standaloneBackend() {
    return new ReleaseOnMockApi(List.of("spark.connect.mode.k8s.backend=standalone"));
  }

  private ReleaseOnMockApi(List<String> sets) {
    rendered = RENDERS.computeIfAbsent(sets, s -> {
      RenderRequest.Builder request = RenderRequest.builder().release(RELEASE).namespace(NAMESPACE);
      s.forEach(request::setArgument);
      return ChartRenderer.bundled().render(request.build());
    });
    for (HasMetadata object : rendered.objects()) {
      object.getMetadata().setNamespace(NAMESPACE);
      objects.add(object);
      if (object instanceof Deployment deployment) {
        ReplicaSet replicaSet = replicaSet(deployment);
        objects.add(replicaSet);
        pods.add(pod(replicaSet.getMetadata().getName() + "-x2k9p", deployment.getSpec().getTemplate()));
      } else if (object instanceof StatefulSet statefulSet) {
        for (int i = 0; i < statefulSet.getSpec().getReplicas(); i++) {
          pods.add(pod(statefulSet.getMetadata().getName() + "-" + i, statefulSet.getSpec().getTemplate()));
        }
      } else if (object instanceof ConfigMap cm && ChartConfigMap.EXECUTOR_POD_TEMPLATE.is(cm)) {
        Pod template = YAML.unmarshal(cm.getData().get(ChartConfigMap.EXECUTOR_POD_TEMPLATE.key()), Pod.class);
        for (int id = 1; id <= 2; id++) {
          pods.add(executorPod(template, id));
        }
      }
    }
    for (Pod pod : pods) {
      pod.setStatus(KubeletStatus.runningAndReady(pod));
      if (Component.CONNECT.labels(pod)) {
        logs.put(ref(pod, ContainerNames.CONNECT), "26/12/03 10:00:20 INFO SparkConnectServer: Spark Connect server "
            + "started at: 0:0:0:0:0:0:0:0%0:15002\n");
      } else if (Component.WORKER.labels(pod)) {
        logs.put(ref(pod, ContainerNames.WORKER), "26/12/03 10:00:09 INFO Worker: Connecting to master "
            + FULLNAME + "-master:7077...\n26/12/03 10:00:10 INFO Worker: Successfully registered with master spark://"
            + FULLNAME + "-master-0:7077\n");
      }
    }
  }

  private static Logger quiet(Logger logger) {
    logger.setLevel(Level.WARNING);
    return logger;
  }

  /** The component's first pod. */
  public Pod pod(Component component) {
    return pods.stream().filter(component::labels).findFirst().orElseThrow();
  }

  static ContainerRef ref(Pod pod, String container) {
    return new ContainerRef(pod.getMetadata().getName(), container);
  }

  static String executors(int count) {
    StringBuilder json = new StringBuilder("[{\"id\":\"driver\",\"isActive\":true}");
    for (int i = 1; i <= count; i++) {
      json.append(",{\"id\":\"").append(i).append("\",\"isActive\":true}");
    }
    return json.append("]").toString();
  }

  /** An event about an object, as its controller or the scheduler records it. */
  Event event(HasMetadata about, String type, String reason, String message) {
    return new EventBuilder().withNewMetadata().withName(about.getMetadata().getName() + ".18f3a2b4c5d6e7f8")
        .withNamespace(NAMESPACE).endMetadata()
        .withNewInvolvedObject().withKind(about.getKind()).withName(about.getMetadata().getName())
        .withNamespace(NAMESPACE).withApiVersion(about.getApiVersion()).endInvolvedObject()
        .withType(type).withReason(reason).withMessage(message).withCount(12)
        .withFirstTimestamp(KubeletStatus.STARTED).withLastTimestamp("2026-12-03T10:05:00Z").build();
  }

  <T extends HasMetadata> T object(Class<T> type, Component component) {
    return objects.stream().filter(type::isInstance).map(type::cast).filter(component::labels).findFirst()
        .orElseThrow();
  }

  /** Stores the state in the mock API and reads it as the doctor does. */
  ClusterSnapshot snapshot() {
    store();
    return new SnapshotReader(client).read(NAMESPACE, RELEASE);
  }

  /** Stores the state in the mock API; returns the API server's URL. */
  public String store() {
    server.init(InetAddress.getLoopbackAddress(), 0);
    client = server.createClient();
    client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build()).create();
    for (HasMetadata object : objects) {
      client.resource(object).inNamespace(NAMESPACE).create();
    }
    for (Pod pod : pods) {
      client.resource(pod).inNamespace(NAMESPACE).create();
    }
    for (Event event : events) {
      client.resource(event).inNamespace(NAMESPACE).create();
    }
    logs.forEach((ref, log) -> expectLog(ref, log, false));
    previousLogs.forEach((ref, log) -> expectLog(ref, log, true));
    pods.stream().filter(Component.CONNECT::labels).findFirst().ifPresent(connect -> {
      int ui = SparkUis.port(connect, ContainerNames.CONNECT, PortNames.UI).orElseThrow();
      expectProxy(connect, ui, "/api/v1/applications", "[{\"id\":\"" + APP_ID + "\"}]");
      expectProxy(connect, ui, "/api/v1/applications/" + APP_ID + "/executors", connectExecutors);
    });
    pods.stream().filter(Component.HISTORY::labels).findFirst().ifPresent(history -> expectProxy(history,
        SparkUis.port(history, ContainerNames.HISTORY, PortNames.HTTP).orElseThrow(), "/api/v1/applications?limit=1",
        historyApplications));
    return "http://127.0.0.1:" + server.getPort();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
      server.destroy();
    }
  }

  private void expectLog(ContainerRef ref, String log, boolean previous) {
    server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + ref.pod() + "/log?pretty=false"
            + "&container=" + ref.container() + (previous ? "&previous=true" : "") + "&tailLines="
            + SnapshotReader.LOG_LINES)
        .andReturn(200, log).always();
  }

  private void expectProxy(Pod pod, int port, String path, String body) {
    server.expect().get().withPath("/api/v1/namespaces/" + NAMESPACE + "/pods/" + pod.getMetadata().getName() + ":"
        + port + "/proxy" + path).andReturn(200, body).always();
  }

  private static ReplicaSet replicaSet(Deployment deployment) {
    ObjectMeta template = deployment.getSpec().getTemplate().getMetadata();
    return new ReplicaSetBuilder().withNewMetadata().withName(deployment.getMetadata().getName() + "-6b8f9c7d5")
        .withNamespace(NAMESPACE).withLabels(template.getLabels()).endMetadata()
        .withNewSpec().withReplicas(1).withSelector(deployment.getSpec().getSelector())
        .withTemplate(deployment.getSpec().getTemplate()).endSpec().build();
  }

  private static Pod pod(String name, PodTemplateSpec template) {
    return new PodBuilder().withMetadata(new ObjectMetaBuilder(template.getMetadata()).withName(name)
            .withNamespace(NAMESPACE).build())
        .withSpec(template.getSpec()).build();
  }

  /** What Spark makes of the chart's executor pod template: its name, labels and container. */
  private static Pod executorPod(Pod template, int id) {
    Map<String, String> labels = new LinkedHashMap<>(template.getMetadata().getLabels());
    labels.put(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR);
    labels.put("spark-app-selector", APP_ID);
    labels.put("spark-exec-id", String.valueOf(id));
    Pod pod = new PodBuilder(template).editMetadata().withName(FULLNAME + "-exec-" + id).withNamespace(NAMESPACE)
        .withLabels(labels).endMetadata().build();
    return pod;
  }
}
