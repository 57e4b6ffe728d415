package dev.sparkk8s.policy.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;

/** Compliant pods other than the Connect server. */
public final class Workloads {

  private Workloads() {
  }

  /**
   * The executor pod template. Its memory limit is exactly what spark.executor.memory 2g needs:
   * 2048 MiB + max(384 MiB, 0.1 x 2048 MiB) = 2432 MiB.
   */
  public static Pod executorPod() {
    return new PodBuilder()
        .withNewMetadata().withName("spark-executor").withLabels(Labels.of("executor"))
        .withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("spark-executor")
        .withNewResources().addToLimits("memory", new Quantity("2432Mi")).addToRequests("memory", new Quantity("2432Mi"))
        .endResources()
        .withSecurityContext(Security.container())
        .endContainer()
        .endSpec()
        .build();
  }

  /** A standalone worker StatefulSet offering what its arguments say. */
  public static StatefulSet worker(String... args) {
    return new StatefulSetBuilder()
        .withNewMetadata().withName("spark-worker").withLabels(Labels.of("worker")).endMetadata()
        .withNewSpec().withServiceName("spark-worker")
        .withNewSelector().withMatchLabels(Labels.selector("worker")).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(Labels.of("worker")).withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("spark-worker").withImage("apache/spark:4.0.0")
        .withCommand("/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker")
        .withArgs(args)
        .addToArgs("spark://spark-master:7077")
        .withSecurityContext(Security.container())
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
