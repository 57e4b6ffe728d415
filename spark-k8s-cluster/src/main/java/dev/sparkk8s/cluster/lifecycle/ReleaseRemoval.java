package dev.sparkk8s.cluster.lifecycle;

import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code down} on a cluster: the Helm release uninstalled, then what Spark created for it and Helm does not know: the
 * executor pods (the chart's template labels them as the release's) and the claims Spark made on demand for them
 * (labelled with the Spark application of those executors, or owned by a pod of the release).
 */
public final class ReleaseRemoval {

  /** Spark's label on the pods and claims of one application. */
  static final String SPARK_APP = "spark-app-selector";

  private ReleaseRemoval() {
  }

  /** What was removed, one line each. */
  public static List<String> remove(KubernetesClient client, HelmRelease release) {
    String namespace = release.namespace();
    List<Pod> pods = client.pods().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release.name()).list()
        .getItems();
    Set<String> podUids = pods.stream().map(p -> p.getMetadata().getUid()).collect(Collectors.toSet());
    Set<String> sparkApps = pods.stream().map(p -> p.getMetadata().getLabels().get(SPARK_APP))
        .filter(a -> a != null).collect(Collectors.toSet());
    List<PersistentVolumeClaim> claims = client.persistentVolumeClaims().inNamespace(namespace).list().getItems()
        .stream().filter(c -> sparkApps.contains(c.getMetadata().getLabels().get(SPARK_APP))
            || c.getMetadata().getOwnerReferences().stream().anyMatch(o -> podUids.contains(o.getUid())))
        .toList();
    String revision = release.current().map(r -> " (revision " + r.getRevision() + ")").orElse("");
    release.uninstall();
    List<String> removed = new ArrayList<>();
    removed.add("Helm release " + release.name() + revision + " and its objects");
    List<Pod> executors = client.pods().inNamespace(namespace).withLabel(ChartLabels.INSTANCE, release.name())
        .withLabel(ChartLabels.SPARK_ROLE, ChartLabels.SPARK_ROLE_EXECUTOR).list().getItems();
    executors.forEach(p -> client.resource(p).delete());
    claims.forEach(c -> client.resource(c).delete());
    executors.forEach(p -> removed.add("executor pod " + name(p)));
    claims.forEach(c -> removed.add("claim " + name(c)));
    return removed;
  }

  private static String name(HasMetadata object) {
    return object.getMetadata().getName();
  }
}
