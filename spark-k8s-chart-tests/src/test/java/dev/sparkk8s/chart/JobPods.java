package dev.sparkk8s.chart;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The pods of a release's Spark job as they run: the driver (the Connect server), its executors as Spark or the
 * operator builds them from the chart's spec (for Kubeflow after its webhook), and the Standalone workers, whose
 * executors are their child processes.
 */
record JobPods(String backend, ReleaseView view) {

  static final List<String> BACKENDS = List.of("kubernetes", "standalone", "operator/apache", "operator/kubeflow");

  /** (version, backend) for every Spark line and every backend: {@code @MethodSource(JobPods.EVERY_VERSION_AND_BACKEND)}. */
  static Stream<Arguments> everyVersionAndBackend() {
    return versionsAndBackends(b -> true);
  }

  static final String EVERY_VERSION_AND_BACKEND = "dev.sparkk8s.chart.JobPods#everyVersionAndBackend";

  /** (version, backend) for every Spark line and every backend that passes the filter. */
  static Stream<Arguments> versionsAndBackends(Predicate<String> backends) {
    return RenderCase.VERSIONS.stream()
        .flatMap(version -> BACKENDS.stream().filter(backends).map(backend -> Arguments.of(version, backend)));
  }

  /** Renders with values given as dotted keys (written to a values file in {@code dir}, so lists and maps keep their type). */
  static JobPods render(Path dir, String backend, String version, Map<String, ?> values) {
    Map<String, Object> all = new LinkedHashMap<>(values);
    all.put("spark.version", version);
    String[] parts = backend.split("/");
    all.put("spark.connect.mode.k8s.backend", parts[0]);
    if (parts.length > 1) {
      all.put("spark.operator.flavor", parts[1]);
    }
    Path file = ChartFixture.writeValues(dir.resolve(backend.replace('/', '-') + "-" + version + "-"
        + Integer.toHexString(all.hashCode()) + ".yaml"), all);
    return new JobPods(backend, new ReleaseView(ChartFixture.render(ChartFixture.request().valuesFile(file).build())));
  }

  /** Values maps joined, later ones winning. */
  @SafeVarargs
  static Map<String, Object> merged(Map<String, ?>... maps) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map<String, ?> map : maps) {
      out.putAll(map);
    }
    return out;
  }

  boolean operator() {
    return backend.startsWith("operator");
  }

  /** The Connect server's Spark configuration: spark-defaults.conf or the SparkApplication's sparkConf. */
  Map<String, String> conf() {
    return VersionWiring.serverConf(view);
  }

  PodSpec driver() {
    return operator() ? SparkApplications.pod(application(), SparkRole.DRIVER).spec()
        : view.deployment("connect").getSpec().getTemplate().getSpec();
  }

  /** The executor pod spec the chart gives Spark; none on Standalone. */
  Optional<PodSpec> executor() {
    if (operator()) {
      return Optional.of(SparkApplications.pod(application(), SparkRole.EXECUTOR).spec());
    }
    if (!backend.equals("kubernetes")) {
      return Optional.empty();
    }
    ConfigMap template = view.configMap("executor-pod-template");
    return Optional.of(new KubernetesSerialization()
        .unmarshal(template.getData().get("executor-pod-template.yaml"), Pod.class).getSpec());
  }

  Optional<PodSpec> worker() {
    return backend.equals("standalone")
        ? Optional.of(view.statefulSet("worker").getSpec().getTemplate().getSpec()) : Optional.empty();
  }

  /** The pods that run the job's Spark code (the driver, then executors or workers), by role. */
  Map<String, PodSpec> sparkPods() {
    Map<String, PodSpec> pods = new LinkedHashMap<>();
    pods.put("driver", driver());
    executor().ifPresent(p -> pods.put("executor", p));
    worker().ifPresent(p -> pods.put("worker", p));
    return pods;
  }

  /** The container Spark runs in: the chart's pods have one. */
  static Container spark(PodSpec pod) {
    List<Container> containers = pod.getContainers();
    if (containers.size() != 1) {
      throw new AssertionError("expected one container, got " + containers.stream().map(Container::getName).toList());
    }
    return containers.get(0);
  }

  List<Finding> findings() {
    return PolicyEngine.standard().check(view.release().objects());
  }

  private GenericKubernetesResource application() {
    return view.get(GenericKubernetesResource.class, "SparkApplication", ReleaseView.FULLNAME + "-connect");
  }

  @Override
  public String toString() {
    return backend;
  }
}
