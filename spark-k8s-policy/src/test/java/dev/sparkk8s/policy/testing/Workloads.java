package dev.sparkk8s.policy.testing;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.ArrayList;
import java.util.List;

/** Compliant pods other than the Connect server; none talks to the Kubernetes API, so none gets a token. */
public final class Workloads {

  /** What the chart's launch wrapper does, in short: a passwd entry through nss_wrapper when the UID has none, tini. */
  public static final String LAUNCH_SCRIPT = """
      if ! getent passwd `id -u` >/dev/null; then
        export LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libnss_wrapper.so NSS_WRAPPER_PASSWD=/tmp/passwd
      fi
      exec /usr/bin/tini -s -- "$@"
      """;

  private Workloads() {
  }

  /** A container command through the launch wrapper, as the chart renders it. */
  public static List<String> launched(String... command) {
    List<String> out = new ArrayList<>(List.of("/bin/bash", "-c", LAUNCH_SCRIPT, "spark-k8s-launch"));
    out.addAll(List.of(command));
    return out;
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
        .withAutomountServiceAccountToken(false)
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
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("spark-worker").withImage("apache/spark:4.0.0")
        .withCommand(launched("/opt/spark/bin/spark-class", "org.apache.spark.deploy.worker.Worker"))
        .withArgs(args)
        .addToArgs("spark://spark-master:7077")
        .withSecurityContext(Security.container())
        .endContainer()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }

  /** A standalone master StatefulSet keeping its recovery state on an emptyDir, as the chart renders it. */
  public static StatefulSet master() {
    return new StatefulSetBuilder()
        .withNewMetadata().withName("spark-master").withLabels(Labels.of("master")).endMetadata()
        .withNewSpec().withServiceName("spark-master")
        .withNewSelector().withMatchLabels(Labels.selector("master")).endSelector()
        .withNewTemplate()
        .withNewMetadata().withLabels(Labels.of("master")).withAnnotations(Security.profile("restricted")).endMetadata()
        .withNewSpec()
        .withAutomountServiceAccountToken(false)
        .withSecurityContext(Security.restrictedPod())
        .addNewContainer().withName("spark-master").withImage("apache/spark:4.0.0")
        .withCommand(launched("/opt/spark/bin/spark-class", "org.apache.spark.deploy.master.Master"))
        .addNewEnv().withName("SPARK_MASTER_OPTS")
        .withValue("-Dspark.deploy.recoveryMode=FILESYSTEM -Dspark.deploy.recoveryDirectory=/opt/spark/recovery")
        .endEnv()
        .addNewVolumeMount().withName("recovery").withMountPath("/opt/spark/recovery").endVolumeMount()
        .withSecurityContext(Security.container())
        .endContainer()
        .addNewVolume().withName("recovery").withNewEmptyDir().endEmptyDir().endVolume()
        .endSpec()
        .endTemplate()
        .endSpec()
        .build();
  }
}
