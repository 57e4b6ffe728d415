package dev.sparkk8s.render.contract;

/** The label and annotation keys the chart writes, and the one label Spark itself puts on the pods it creates. */
public final class ChartLabels {

  public static final String NAME = "app.kubernetes.io/name";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  /** The chart's {@link Component}. */
  public static final String COMPONENT = "app.kubernetes.io/component";
  public static final String PART_OF = "app.kubernetes.io/part-of";
  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String HELM_CHART = "helm.sh/chart";

  /** On the spark-conf ConfigMap: the backend it was rendered for ({@code kubernetes} or {@code standalone}). */
  public static final String BACKEND_ANNOTATION = "spark-k8s.io/backend";
  /** On the job profile ConfigMap with the operator backend: {@code apache} or {@code kubeflow}. */
  public static final String OPERATOR_FLAVOR_ANNOTATION = "spark-k8s.io/operator-flavor";
  /** On the job profile ConfigMap: the Spark release and Scala version of the image. */
  public static final String SPARK_RELEASE_ANNOTATION = "spark-k8s.io/spark-release";
  public static final String SCALA_VERSION_ANNOTATION = "spark-k8s.io/scala-version";
  /**
   * The {@link #COMPONENT} of a batch job's driver pod, which Spark or an operator builds from the job profile's
   * template (no object of the release carries it, so it is not a {@link Component}).
   */
  public static final String JOB_DRIVER_COMPONENT = "job-driver";
  /** On every pod template: {@code restricted} or {@code openshift}. */
  public static final String SECURITY_PROFILE_ANNOTATION = "spark-k8s.io/security-profile";

  /** On the metrics Services (monitoring), {@code "true"}: what the ServiceMonitors select. */
  public static final String METRICS_SERVICE = "spark-k8s.io/metrics";

  /** Spark's label on the driver and executor pods it creates on Kubernetes. */
  public static final String SPARK_ROLE = "spark-role";
  public static final String SPARK_ROLE_EXECUTOR = "executor";
  public static final String SPARK_ROLE_DRIVER = "driver";

  private ChartLabels() {
  }
}
