package dev.sparkk8s.jobs.ops;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.jobs.model.Job;
import dev.sparkk8s.jobs.model.JobKind;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A job's log: its driver's (the pod Spark or the operator built; on Standalone, the submitting Job's pod, whose
 * spark-submit reports the driver's state), or one executor's, printed or followed until the container ends.
 */
public final class JobLogs {

  /** Spark's labels on the pods it builds. */
  private static final String APP_NAME = "spark-app-name";
  private static final String APP_SELECTOR = "spark-app-selector";
  private static final String EXECUTOR_ID = "spark-exec-id";

  private final JobCatalog catalog;

  public JobLogs(JobCatalog catalog) {
    this.catalog = catalog;
  }

  public void write(String id, OptionalInt executor, boolean follow, OutputStream out) {
    Job job = catalog.get(id);
    Pod driver = driverPod(job);
    Pod pod = executor.isPresent() ? executorPod(job, driver, executor.getAsInt()) : driver;
    String container = executor.isPresent() ? containerName("spark.kubernetes.executor.podTemplateContainerName")
        : job.kind() == JobKind.SUBMISSION_JOB ? null : containerName("spark.kubernetes.driver.podTemplateContainerName");
    PodResource resource = catalog.client().pods().inNamespace(catalog.namespace())
        .withName(pod.getMetadata().getName());
    try {
      if (follow) {
        try (LogWatch watch = container == null ? resource.watchLog() : resource.inContainer(container).watchLog()) {
          watch.getOutput().transferTo(out);
        }
      } else {
        try (InputStream log = container == null ? resource.getLogInputStream()
            : resource.inContainer(container).getLogInputStream()) {
          log.transferTo(out);
        }
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Pod driverPod(Job job) {
    var pods = catalog.client().pods().inNamespace(catalog.namespace());
    Pod pod = switch (job.kind()) {
      case DRIVER_POD -> pods.withName(job.id()).get();
      case SUBMISSION_JOB -> pods.withLabel("job-name", job.id()).list().getItems().stream().findFirst().orElse(null);
      case APACHE_APPLICATION, KUBEFLOW_APPLICATION -> pods.withLabels(Map.of(ChartLabels.SPARK_ROLE,
          ChartLabels.SPARK_ROLE_DRIVER, APP_NAME, job.id())).list().getItems().stream().findFirst().orElse(null);
      case STANDALONE_DRIVER -> throw new IllegalStateException(
          "a release on a cluster has no local Standalone drivers");
    };
    if (pod == null) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "job " + job.id() + " has no driver pod (yet): "
          + job.status().state());
    }
    return pod;
  }

  private Pod executorPod(Job job, Pod driver, int executor) {
    String app = driver.getMetadata().getLabels() == null ? null : driver.getMetadata().getLabels().get(APP_SELECTOR);
    return catalog.client().pods().inNamespace(catalog.namespace()).withLabel(ChartLabels.SPARK_ROLE,
            ChartLabels.SPARK_ROLE_EXECUTOR).withLabel(EXECUTOR_ID, Integer.toString(executor))
        .withLabel(APP_SELECTOR, app).list().getItems().stream().findFirst()
        .orElseThrow(() -> new SparkK8sException(ExitCode.BAD_INPUT, "job " + job.id() + " has no executor "
            + executor));
  }

  private String containerName(String key) {
    return catalog.profile().conf().get(key);
  }
}
