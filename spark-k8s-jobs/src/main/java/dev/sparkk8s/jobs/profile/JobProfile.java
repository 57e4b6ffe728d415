package dev.sparkk8s.jobs.profile;

import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.render.SparkDefaults;
import dev.sparkk8s.render.contract.ChartConfigMap;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A release's batch-job profile as the chart rendered it (ConfigMap {@code <fullname>-job-profile}): the Spark
 * configuration a batch application gets, what a submission may not override, and on the kubernetes and operator
 * backends the driver and executor pod templates, on the standalone backend the Job that submits an application.
 *
 * @param files   the ConfigMap's data as rendered (spark-defaults.conf, the pod templates), by key
 * @param release the Helm release it belongs to (its {@code app.kubernetes.io/instance} label)
 * @param backend {@code kubernetes}, {@code standalone} or {@code operator}
 * @param flavor  the operator's flavor ({@code apache}, {@code kubeflow}); empty on the other backends
 */
public record JobProfile(String release, String backend, Optional<String> flavor, Map<String, String> conf,
    Set<String> derivedKeys, Optional<Pod> driverTemplate, Optional<Pod> executorTemplate,
    Map<String, String> annotations, Map<String, String> files) {

  private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

  public static JobProfile of(ConfigMap cm) {
    Map<String, String> data = cm.getData() == null ? Map.of() : cm.getData();
    Map<String, String> annotations = cm.getMetadata().getAnnotations() == null ? Map.of()
        : Map.copyOf(cm.getMetadata().getAnnotations());
    String labelsRelease = cm.getMetadata().getLabels() == null ? null
        : cm.getMetadata().getLabels().get(ChartLabels.INSTANCE);
    return new JobProfile(labelsRelease, annotations.getOrDefault(ChartLabels.BACKEND_ANNOTATION, ""),
        Optional.ofNullable(annotations.get(ChartLabels.OPERATOR_FLAVOR_ANNOTATION)),
        SparkDefaults.parse(data.getOrDefault(ChartConfigMap.SPARK_DEFAULTS, "")),
        data.getOrDefault(ChartConfigMap.DERIVED_KEYS, "").lines().map(String::strip).filter(l -> !l.isEmpty())
            .collect(Collectors.toUnmodifiableSet()),
        pod(data.get(ChartConfigMap.DRIVER_POD_TEMPLATE)), pod(data.get(ChartConfigMap.EXECUTOR_POD_TEMPLATE_KEY)),
        annotations, Map.copyOf(data));
  }

  /** What a job of this release is on the API. */
  public JobKind kind() {
    return switch (backend) {
      case "kubernetes" -> JobKind.DRIVER_POD;
      case "standalone" -> JobKind.SUBMISSION_JOB;
      case "operator" -> flavor.filter("kubeflow"::equals).isPresent() ? JobKind.KUBEFLOW_APPLICATION
          : JobKind.APACHE_APPLICATION;
      default -> throw new IllegalStateException("job profile of release " + release + " names no backend");
    };
  }

  /** The standalone backend's Job that submits one application, as the chart rendered it. */
  public Optional<Job> submissionTemplate() {
    return Optional.ofNullable(files.get(ChartConfigMap.SUBMISSION_JOB))
        .map(yaml -> SERIALIZATION.unmarshal(yaml, Job.class));
  }

  /** The Spark release of the image. */
  public String sparkRelease() {
    return annotations.getOrDefault(ChartLabels.SPARK_RELEASE_ANNOTATION, "");
  }

  public String scalaVersion() {
    return annotations.getOrDefault(ChartLabels.SCALA_VERSION_ANNOTATION, "");
  }

  /** The seconds a killed job's pods get: the profile's {@code spark.kubernetes.appKillPodDeletionGracePeriod}. */
  public Optional<Long> killGracePeriodSeconds() {
    return Optional.ofNullable(conf.get("spark.kubernetes.appKillPodDeletionGracePeriod"))
        .map(v -> Long.parseLong(v.replaceAll("s$", "")));
  }

  /** The Spark line of the image ({@code 3.5}, {@code 4.1}). */
  public String sparkLine() {
    String release = sparkRelease();
    int second = release.indexOf('.', release.indexOf('.') + 1);
    return second < 0 ? release : release.substring(0, second);
  }

  private static Optional<Pod> pod(String yaml) {
    return yaml == null ? Optional.empty() : Optional.of(SERIALIZATION.unmarshal(yaml, Pod.class));
  }
}
