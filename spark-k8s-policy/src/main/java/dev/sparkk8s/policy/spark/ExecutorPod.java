package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.source.ConfigMapPods;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.policy.source.SparkApplications;
import dev.sparkk8s.policy.source.SparkRole;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The executor pod of a Spark configuration with the container Spark runs in: the pod template file that a
 * spark-conf names ({@code spark.kubernetes.executor.podTemplateFile}, mounted in the server that reads the conf),
 * or a SparkApplication's executor as its operator builds it. Templates that are not pods or lack the container
 * are left out ({@link ExecutorMemoryFitsPod} reports them).
 */
record ExecutorPod(SparkConf conf, PodSite site, ContainerSite container) {

  static List<ExecutorPod> all(Manifests manifests) {
    List<ExecutorPod> out = new ArrayList<>();
    for (SparkConf conf : SparkConfs.release(manifests)) {
      String templatePath = conf.get(ExecutorTemplateMounted.KEY).orElse(null);
      if (templatePath == null) {
        continue;
      }
      for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
        MountedFile file = server.file(manifests, templatePath);
        if (file.found()) {
          ConfigMapPods.site(file.configMap(), file.key()).ifPresent(site -> add(conf, site, out));
        }
      }
    }
    for (SparkConf conf : SparkConfs.applications(manifests)) {
      add(conf, SparkApplications.pod((GenericKubernetesResource) conf.owner(), SparkRole.EXECUTOR), out);
    }
    return out;
  }

  private static void add(SparkConf conf, PodSite site, List<ExecutorPod> out) {
    Optional<String> name = SparkRole.EXECUTOR.mainContainerName(site.spec(), conf.values());
    site.containers().stream().filter(c -> !c.init() && name.isPresent() && name.get().equals(c.name()))
        .findFirst().ifPresent(c -> out.add(new ExecutorPod(conf, site, c)));
  }
}
