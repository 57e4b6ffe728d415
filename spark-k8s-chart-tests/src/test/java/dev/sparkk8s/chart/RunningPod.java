package dev.sparkk8s.chart;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pod a rendered release runs: a workload's pod template, or a pod Spark builds from one of the chart's
 * templates (the executor pod template, a SparkApplication's driver or executor, after the Kubeflow webhook),
 * with the Spark configuration that builds it and what Spark's BasicDriverFeatureStep/BasicExecutorFeatureStep
 * add to the template.
 *
 * @param component the pod's {@code app.kubernetes.io/component} label
 * @param site      the pod as rendered (for a Spark-built pod: its template, after the operator's merge)
 * @param sparkConf the configuration Spark builds the pod with; null for a pod the chart's workloads run
 */
record RunningPod(String component, PodSite site, Map<String, String> sparkConf) {

  static final String PULL_SECRETS = "spark.kubernetes.container.image.pullSecrets";
  static final String EXECUTOR_GRACE_PERIOD = "spark.kubernetes.executor.terminationGracePeriodSeconds";

  /** Every pod of the release: workloads, the executor pod template, both roles of a SparkApplication. */
  static List<RunningPod> of(ReleaseView view) {
    List<RunningPod> pods = new ArrayList<>();
    for (PodSite site : new Manifests(view.release().objects()).podSites()) {
      pods.add(new RunningPod(site.labels().get(ChartLabels.COMPONENT), site, confOf(view, site)));
    }
    return pods;
  }

  /** The pods of one component. */
  static List<RunningPod> of(ReleaseView view, String component) {
    return of(view).stream().filter(p -> component.equals(p.component())).toList();
  }

  boolean builtBySpark() {
    return sparkConf != null;
  }

  /** The container the chart runs its process in: the only one besides init containers. */
  Container main() {
    return site.spec().getContainers().get(0);
  }

  /** The pull secrets of the running pod: Spark appends its key's to the template's. */
  List<String> imagePullSecrets() {
    List<String> names = new ArrayList<>(site.spec().getImagePullSecrets() == null ? List.of()
        : site.spec().getImagePullSecrets().stream().map(LocalObjectReference::getName).toList());
    if (builtBySpark() && sparkConf.containsKey(PULL_SECRETS)) {
      names.addAll(Arrays.asList(sparkConf.get(PULL_SECRETS).split(",")));
    }
    return names;
  }

  /**
   * The running pod's grace period: from 4.1 Spark sets its key's (30s by default) on every executor pod over the
   * template's; 3.5 keeps the template's.
   */
  Long terminationGracePeriodSeconds(String sparkVersion) {
    if (builtBySpark() && "executor".equals(component) && "4.1".equals(sparkVersion)) {
      return Long.parseLong(sparkConf.getOrDefault(EXECUTOR_GRACE_PERIOD, "30s").replaceAll("s$", ""));
    }
    return site.spec().getTerminationGracePeriodSeconds();
  }

  @Override
  public String toString() {
    return site.resource() + " (" + component + ")";
  }

  private static Map<String, String> confOf(ReleaseView view, PodSite site) {
    if (site.owner() instanceof ConfigMap cm) {
      return ChartConfigMap.JOB_PROFILE.is(cm) ? SparkDefaults.parse(cm.getData().get(ChartConfigMap.SPARK_DEFAULTS))
          : view.connectConf();
    }
    if (site.owner() instanceof GenericKubernetesResource app && SparkApplications.isSparkApplication(app)) {
      Map<String, String> conf = new LinkedHashMap<>(SparkApplications.sparkConf(app));
      // The Kubeflow operator hands its typed imagePullSecrets to spark-submit after the sparkConf.
      Object typed = SparkApplications.spec(app).get("imagePullSecrets");
      if (SparkApplications.isKubeflow(app) && typed instanceof List<?> secrets && !secrets.isEmpty()) {
        conf.put(PULL_SECRETS, String.join(",", secrets.stream().map(String::valueOf).toList()));
      }
      return conf;
    }
    return null;
  }
}
