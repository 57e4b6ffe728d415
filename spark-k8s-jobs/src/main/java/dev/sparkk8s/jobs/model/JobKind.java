package dev.sparkk8s.jobs.model;

/** What a job is on the API (its id is that object's name), which follows from the release's backend. */
public enum JobKind {
  /** kubernetes backend: the driver pod Spark's submission client creates (cluster deploy mode). */
  DRIVER_POD("pod"),
  /** standalone backend: a Job whose pod runs spark-submit against the release's master and waits for the driver. */
  SUBMISSION_JOB("job"),
  /** operator backend, apache/spark-kubernetes-operator: a {@code spark.apache.org/v1} SparkApplication. */
  APACHE_APPLICATION("sparkapplication"),
  /** operator backend, kubeflow/spark-operator: a {@code sparkoperator.k8s.io/v1beta2} SparkApplication. */
  KUBEFLOW_APPLICATION("sparkapplication"),
  /** {@code up --local}: a driver the Standalone master runs on a worker (cluster deploy mode). */
  STANDALONE_DRIVER("driver");

  private final String resource;

  JobKind(String resource) {
    this.resource = resource;
  }

  /** The resource's name as kubectl knows it (a Standalone driver: as the master's UI names it). */
  public String resource() {
    return resource;
  }
}
