package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.Manifests;
import dev.sparkk8s.policy.Rule;
import dev.sparkk8s.policy.source.PodSite;
import dev.sparkk8s.render.LabelSelectors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.List;
import java.util.Optional;

/**
 * A PodDisruptionBudget never blocks a node drain forever: with every pod of a workload it selects healthy, it
 * lets at least one be evicted. {@code minAvailable} equal to the replicas (one replica and {@code minAvailable: 1}
 * is the usual case) or {@code maxUnavailable: 0} leaves a drain waiting until someone deletes the budget.
 * Percentages round up, as the disruption controller rounds them.
 */
public final class DisruptionBudgetAllowsDrain implements Rule {

  public static final String ID = "spark/disruption-budget-allows-drain";
  private static final String FIX = "set spec.maxUnavailable to 1 or more (the chart's podDisruptionBudget.maxUnavailable)";

  @Override
  public void check(Manifests manifests, List<Finding> out) {
    for (PodDisruptionBudget pdb : manifests.all(PodDisruptionBudget.class)) {
      if (pdb.getSpec() == null || pdb.getSpec().getSelector() == null) {
        continue;
      }
      for (PodSite site : manifests.podSites()) {
        Optional<Integer> replicas = replicas(site.owner());
        if (replicas.isEmpty() || replicas.get() < 1 || !Manifests.sameNamespace(pdb, site.owner())
            || !LabelSelectors.matches(pdb.getSpec().getSelector(), site.labels())) {
          continue;
        }
        int allowed = evictable(pdb, replicas.get());
        if (allowed < 1) {
          String field = pdb.getSpec().getMaxUnavailable() != null ? "spec.maxUnavailable" : "spec.minAvailable";
          out.add(new Finding(ID, Manifests.ref(pdb), null, field,
              "selects the pods of " + site.resource() + " (" + replicas.get() + " replica"
                  + (replicas.get() == 1 ? "" : "s") + ") and lets none be evicted when all are healthy: a node drain"
                  + " waits forever", FIX));
        }
      }
    }
  }

  /** How many of {@code replicas} healthy pods the budget lets a drain evict. */
  private static int evictable(PodDisruptionBudget pdb, int replicas) {
    IntOrString maxUnavailable = pdb.getSpec().getMaxUnavailable();
    if (maxUnavailable != null) {
      return Math.min(replicas, scaled(maxUnavailable, replicas));
    }
    IntOrString minAvailable = pdb.getSpec().getMinAvailable();
    return minAvailable == null ? replicas : replicas - scaled(minAvailable, replicas);
  }

  private static int scaled(IntOrString value, int replicas) {
    if (value.getIntVal() != null) {
      return value.getIntVal();
    }
    int percent = Integer.parseInt(value.getStrVal().replace("%", "").strip());
    return (int) Math.ceil(replicas * percent / 100.0);
  }

  private static Optional<Integer> replicas(HasMetadata owner) {
    Integer replicas = null;
    if (owner instanceof Deployment d && d.getSpec() != null) {
      replicas = d.getSpec().getReplicas();
    } else if (owner instanceof StatefulSet s && s.getSpec() != null) {
      replicas = s.getSpec().getReplicas();
    } else if (owner instanceof ReplicaSet r && r.getSpec() != null) {
      replicas = r.getSpec().getReplicas();
    } else {
      return Optional.empty();
    }
    return Optional.of(replicas == null ? 1 : replicas);
  }
}
