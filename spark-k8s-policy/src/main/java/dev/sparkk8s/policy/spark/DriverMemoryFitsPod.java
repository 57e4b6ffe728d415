package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;

/** The driver's JVM memory plus overhead must fit the memory limit of the container that reads the spark-conf. */
public final class DriverMemoryFitsPod implements Rule {

  public static final String ID = "spark/driver-memory-fits-pod";
  private static final String FIX = "derive the server container's memory limit from spark.driver.memory "
      + "(memory + overhead); change the chart value spark.driver.memory, not the limit alone";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      MemoryBudget budget;
      try {
        budget = MemoryBudget.driver(conf);
      } catch (BadValue bad) {
        out.add(conf.finding(ID, bad.key, bad.getMessage(), "set the chart value spark.driver.memory, e.g. 1g"));
        continue;
      }
      for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
        MemoryLimit.check(server.site(), server.container(), budget, ID, FIX, out);
      }
    }
  }
}
