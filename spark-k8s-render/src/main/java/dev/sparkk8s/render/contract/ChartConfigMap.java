package dev.sparkk8s.render.contract;

import io.fabric8.kubernetes.api.model.ConfigMap;

/**
 * The ConfigMaps the chart renders: the component they are labelled with, the suffix of their name after the
 * release's full name, and the data key a process reads.
 */
public enum ChartConfigMap {
  /** The Connect server's configuration, mounted as its {@code SPARK_CONF_DIR}. */
  CONNECT_CONF(Component.SPARK_CONF, "-connect-conf", ChartConfigMap.SPARK_DEFAULTS),
  HISTORY_CONF(Component.HISTORY, "-history-conf", ChartConfigMap.SPARK_DEFAULTS),
  /** A v1 Pod, where {@code spark.kubernetes.executor.podTemplateFile} points (kubernetes backend). */
  EXECUTOR_POD_TEMPLATE(Component.EXECUTOR, "-executor-pod-template", ChartConfigMap.EXECUTOR_POD_TEMPLATE_KEY),
  /** The Hadoop configuration of the init container that creates an {@code s3a://} event-log prefix. */
  EVENT_LOG_INIT(Component.EVENT_LOG_INIT, "-event-log-init", "core-site.xml"),
  /**
   * The batch-job profile: a batch application's spark-defaults.conf, and on the kubernetes and operator backends
   * its pod templates ({@link #DRIVER_POD_TEMPLATE}, {@link #EXECUTOR_POD_TEMPLATE_KEY}), on the standalone backend
   * the Job that submits it ({@link #SUBMISSION_JOB}).
   */
  JOB_PROFILE(Component.JOB_PROFILE, "-job-profile", ChartConfigMap.SPARK_DEFAULTS);

  public static final String SPARK_DEFAULTS = "spark-defaults.conf";
  public static final String LOG4J2 = "log4j2.properties";
  public static final String DRIVER_POD_TEMPLATE = "driver-pod-template.yaml";
  /** In the job profile: the Spark keys a submission may not override, one a line. */
  public static final String DERIVED_KEYS = "derived-keys";
  public static final String EXECUTOR_POD_TEMPLATE_KEY = "executor-pod-template.yaml";
  /** In the job profile of the standalone backend: the Kubernetes Job that submits one batch application. */
  public static final String SUBMISSION_JOB = "submission-job.yaml";

  private final Component component;
  private final String nameSuffix;
  private final String key;

  ChartConfigMap(Component component, String nameSuffix, String key) {
    this.component = component;
    this.nameSuffix = nameSuffix;
    this.key = key;
  }

  public Component component() {
    return component;
  }

  /** The data key the chart renders the file under. */
  public String key() {
    return key;
  }

  /** The ConfigMap's name in a release whose objects are named {@code fullname-...}. */
  public String name(String fullname) {
    return fullname + nameSuffix;
  }

  /** True for this ConfigMap of any release: its component label and its key. */
  public boolean is(ConfigMap cm) {
    return component.labels(cm) && cm.getData() != null && cm.getData().containsKey(key);
  }
}
