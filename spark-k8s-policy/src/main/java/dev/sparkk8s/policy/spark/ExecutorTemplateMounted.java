package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;

/**
 * When {@code spark.kubernetes.executor.podTemplateFile} is set, the container reading the spark-conf must
 * see that file through a mount of a rendered ConfigMap that has the key.
 */
public final class ExecutorTemplateMounted implements Rule {

  public static final String ID = "spark/executor-template-mounted";
  static final String KEY = "spark.kubernetes.executor.podTemplateFile";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      String path = conf.get(KEY).orElse(null);
      if (path == null) {
        continue;
      }
      for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
        MountedFile file = server.file(manifests, path);
        String fix = "mount the executor pod template ConfigMap (component executor) at "
            + parent(path) + " in the Spark server's pod template";
        if (file.mount() == null) {
          out.add(server.site().onContainer(ID, server.container(), "volumeMounts",
              KEY + " " + path + " is not provided by any ConfigMap mount", fix));
        } else if (file.configMap() == null) {
          out.add(server.site().onPodFor(ID, server.container(), file.mount().volumeField(),
              KEY + " " + path + " comes from ConfigMap " + file.mount().configMapName()
                  + ", which is not among the rendered objects", fix));
        } else if (!file.found()) {
          out.add(server.site().onPodFor(ID, server.container(), file.mount().volumeField(),
              KEY + " " + path + " needs key " + file.key() + " in ConfigMap " + file.mount().configMapName()
                  + ", which has no such key", fix));
        }
      }
    }
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "/" : path.substring(0, slash);
  }
}
