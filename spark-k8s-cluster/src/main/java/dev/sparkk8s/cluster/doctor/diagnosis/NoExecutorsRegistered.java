package dev.sparkk8s.cluster.doctor.diagnosis;

import dev.sparkk8s.cluster.doctor.ClusterSnapshot;
import dev.sparkk8s.cluster.doctor.DoctorFinding;
import dev.sparkk8s.cluster.doctor.DriverLogs;
import dev.sparkk8s.cluster.doctor.Pods;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;
import java.util.Map;

/**
 * The Connect server is ready, but its UI ({@code /api/v1/applications/<id>/executors}) lists no executor although
 * its configuration asks for some: {@code spark.executor.instances}, or with dynamic allocation
 * {@code spark.dynamicAllocation.minExecutors} (an idle server at 0 is healthy).
 */
public final class NoExecutorsRegistered implements Diagnosis {

  public static final String ID = "no-executors";

  @Override
  public void examine(ClusterSnapshot snapshot, List<DoctorFinding> out) {
    int expected = expected(snapshot.connectConf());
    if (expected == 0 || snapshot.executorsRegistered().orElse(-1) != 0) {
      return;
    }
    for (Pod server : snapshot.pods(Component.CONNECT)) {
      if (Pods.ready(server)) {
        String container = DriverLogs.containers(server).findFirst().map(Container::getName).orElse(null);
        out.add(new DoctorFinding(ID, Pods.ref(server), container, "the server is ready but its UI lists no executor ("
            + expected + " expected)", fix(snapshot)));
      }
    }
  }

  private static int expected(Map<String, String> conf) {
    if (conf.isEmpty()) {
      return 0;
    }
    if (Boolean.parseBoolean(conf.get("spark.dynamicAllocation.enabled"))) {
      return count(conf, "spark.dynamicAllocation.minExecutors", 0);
    }
    return count(conf, "spark.executor.instances", 1);
  }

  /** A count of the configuration; what Spark assumes without one, or none when it is not a number. */
  private static int count(Map<String, String> conf, String key, int unset) {
    try {
      return conf.containsKey(key) ? Integer.parseInt(conf.get(key).strip()) : unset;
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String fix(ClusterSnapshot snapshot) {
    String master = snapshot.connectConf().getOrDefault("spark.master", "");
    if (master.startsWith("spark://")) {
      return "the Standalone workers must be registered with the master at " + master + " and each offer "
          + "spark.executor.memory and spark.executor.cores (spark.standalone.worker.memory and .cores); the master's "
          + "UI lists them and its log says why it launches no executor";
    }
    return "the driver creates executor pods (kubectl get pods -l " + ChartLabels.SPARK_ROLE + "="
        + ChartLabels.SPARK_ROLE_EXECUTOR + "," + ChartLabels.INSTANCE + "=" + snapshot.release() + "): none means "
        + "its log says why; pods that start and stop cannot reach the driver on spark.driver.port and "
        + "spark.driver.blockManagerPort (network policies)";
  }
}
