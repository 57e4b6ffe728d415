package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A standalone executor runs inside one worker: if {@code spark.executor.memory} or {@code spark.executor.cores}
 * exceeds what one worker container offers, the master never launches an executor and jobs wait forever.
 */
public final class StandaloneWorkerFitsExecutor implements Rule {

  public static final String ID = "spark/standalone-worker-fits-executor";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (SparkConf conf : SparkConfs.release(manifests)) {
      for (PodSite site : manifests.podSites()) {
        if (!(site.owner() instanceof StatefulSet || site.owner() instanceof Deployment)
            || !sameRelease(site.owner(), conf.owner())) {
          continue;
        }
        for (ContainerSite c : site.containers()) {
          if (!c.init() && ContainerNames.WORKER.equals(c.name())) {
            check(conf, site, c, WorkerOffer.of(c.container()), out);
          }
        }
      }
    }
  }

  private static void check(SparkConf conf, PodSite site, ContainerSite c, WorkerOffer offer, List<Finding> out) {
    if (offer.memory() != null) {
      try {
        long workerMiB = SparkSize.mib("worker memory", offer.memory(), SparkSize.BYTE);
        String executorMemory = conf.get("spark.executor.memory").orElse("1g");
        long executorMiB = SparkSize.mib("spark.executor.memory", executorMemory, SparkSize.MIB);
        if (executorMiB > workerMiB) {
          out.add(site.onContainer(ID, c, offer.memoryField(),
              "the worker offers " + offer.memory() + " (" + workerMiB + " MiB) but spark.executor.memory is "
                  + executorMemory + " (" + executorMiB + " MiB); no executor can launch",
              "raise spark.standalone.worker.memory to at least " + executorMemory
                  + ", or lower spark.executor.memory"));
        }
      } catch (BadValue bad) {
        out.add(site.onContainer(ID, c, offer.memoryField(), bad.getMessage(),
            "set spark.standalone.worker.memory to a size such as 4g"));
      }
    }
    String executorCores = conf.get("spark.executor.cores").orElse(null);
    if (offer.cores() != null && executorCores != null) {
      Integer workerCores = integer(offer.cores());
      Integer wanted = integer(executorCores);
      if (workerCores == null || wanted == null) {
        out.add(site.onContainer(ID, c, offer.coresField(),
            "worker cores " + offer.cores() + " or spark.executor.cores " + executorCores + " is not a whole number",
            "set spark.standalone.worker.cores and spark.executor.cores to whole numbers"));
      } else if (wanted > workerCores) {
        out.add(site.onContainer(ID, c, offer.coresField(),
            "the worker offers " + workerCores + " cores but spark.executor.cores is " + wanted
                + "; no executor can launch",
            "raise spark.standalone.worker.cores to at least " + wanted + ", or lower spark.executor.cores"));
      }
    }
  }

  private static Integer integer(String value) {
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean sameRelease(HasMetadata a, HasMetadata b) {
    String ia = instance(a);
    String ib = instance(b);
    return Manifests.sameNamespace(a, b) && (ia == null || ib == null || Objects.equals(ia, ib));
  }

  private static String instance(HasMetadata o) {
    Map<String, String> labels = o.getMetadata().getLabels();
    return labels == null ? null : labels.get(ChartLabels.INSTANCE);
  }
}
