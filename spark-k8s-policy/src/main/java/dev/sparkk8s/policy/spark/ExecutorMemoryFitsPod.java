package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ConfigMapPods;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.util.List;
import java.util.Optional;

/**
 * The executor's JVM memory plus overhead must fit the memory limit of the executor container in the executor
 * pod template ({@code spark.kubernetes.executor.podTemplateContainerName}, by convention {@code spark-executor}).
 */
public final class ExecutorMemoryFitsPod implements Rule {

  public static final String ID = "spark/executor-memory-fits-pod";
  static final String CONTAINER_KEY = "spark.kubernetes.executor.podTemplateContainerName";
  private static final String FIX = "derive the executor container's memory limit from spark.executor.memory "
      + "(memory + overhead); change the chart value spark.executor.memory, not the limit alone";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      String templatePath = conf.get(ExecutorTemplateMounted.KEY).orElse(null);
      if (templatePath == null) {
        continue;
      }
      MemoryBudget budget;
      try {
        budget = MemoryBudget.executor(conf);
      } catch (BadValue bad) {
        out.add(conf.finding(ID, bad.key, bad.getMessage(), "set the chart value spark.executor.memory, e.g. 2g"));
        continue;
      }
      for (SparkServer server : SparkServer.mounting(manifests, (ConfigMap) conf.owner())) {
        MountedFile file = server.file(manifests, templatePath);
        if (file.found()) {
          checkTemplate(file, conf, budget, out);
        }
      }
    }
  }

  private static void checkTemplate(MountedFile file, SparkConf conf, MemoryBudget budget, List<Finding> out) {
    Optional<PodSite> template = ConfigMapPods.site(file.configMap(), file.key());
    if (template.isEmpty()) {
      out.add(new Finding(ID, Manifests.ref(file.configMap()), null, "data[" + file.key() + "]",
          "the executor pod template is not a v1 Pod with a spec", "render a v1 Pod in the executor template"));
      return;
    }
    PodSite site = template.get();
    String name = conf.get(CONTAINER_KEY).orElse(ContainerNames.EXECUTOR);
    Optional<ContainerSite> executor = site.containers().stream()
        .filter(c -> !c.init() && name.equals(c.name())).findFirst();
    if (executor.isEmpty()) {
      out.add(site.onPod(ID, "containers", "the executor pod template has no container named " + name,
          "name the executor container " + name + " (" + CONTAINER_KEY + ")"));
      return;
    }
    MemoryLimit.check(site, executor.get(), budget, ID, FIX, out);
  }
}
