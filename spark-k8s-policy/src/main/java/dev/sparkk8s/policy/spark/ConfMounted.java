package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;

/**
 * The spark-conf ConfigMap must reach Spark: some container mounts it, and every container that mounts it
 * sees it as {@code spark-defaults.conf} in its {@code SPARK_CONF_DIR} (default {@code /opt/spark/conf}).
 */
public final class ConfMounted implements Rule {

  public static final String ID = "spark/conf-mounted";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      ConfigMap cm = (ConfigMap) conf.owner();
      List<SparkServer> servers = SparkServer.mounting(manifests, cm);
      if (servers.isEmpty()) {
        out.add(new Finding(ID, conf.resource(), null, "metadata.name",
            "no container mounts ConfigMap " + cm.getMetadata().getName() + "; Spark would run without it",
            "mount it at " + SparkServer.DEFAULT_CONF_DIR + " in the Spark server's pod template"));
      }
      for (SparkServer server : servers) {
        String path = server.confDir() + "/" + ChartConfigMap.SPARK_DEFAULTS;
        MountedFile file = server.file(manifests, path);
        boolean fromThisConf = file.found() && file.configMap() == cm && ChartConfigMap.SPARK_DEFAULTS.equals(file.key());
        if (!fromThisConf) {
          out.add(server.site().onContainer(ID, server.container(), "volumeMounts",
              "Spark reads " + path + ", which is not key " + ChartConfigMap.SPARK_DEFAULTS + " of ConfigMap "
                  + cm.getMetadata().getName(),
              "mount ConfigMap " + cm.getMetadata().getName() + " at " + server.confDir() + " (SPARK_CONF_DIR)"));
        }
      }
    }
  }
}
