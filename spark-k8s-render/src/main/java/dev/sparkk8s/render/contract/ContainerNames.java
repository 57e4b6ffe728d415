package dev.sparkk8s.render.contract;

/** The names of the containers the chart renders. */
public final class ContainerNames {

  public static final String CONNECT = "spark-connect";
  public static final String MASTER = "spark-master";
  public static final String WORKER = "spark-worker";
  public static final String HISTORY = "spark-history";
  /** In the executor pod template ({@code spark.kubernetes.executor.podTemplateContainerName}). */
  public static final String EXECUTOR = "spark-executor";
  /** In the Apache operator's driver template. */
  public static final String DRIVER = "spark-driver";
  /** The TLS and token proxy in front of the Connect server, in its pod ({@code security.connect}). */
  public static final String CONNECT_PROXY = "connect-proxy";
  /** The init container that creates an {@code s3a://} event-log prefix. */
  public static final String CREATE_EVENT_LOG_DIR = "create-event-log-dir";
  /**
   * Spark's default driver and executor container names, which the Kubeflow operator forces on spark-submit:
   * its flavour's templates use them.
   */
  public static final String SPARK_DEFAULT_DRIVER = "spark-kubernetes-driver";
  public static final String SPARK_DEFAULT_EXECUTOR = "spark-kubernetes-executor";

  private ContainerNames() {
  }
}
