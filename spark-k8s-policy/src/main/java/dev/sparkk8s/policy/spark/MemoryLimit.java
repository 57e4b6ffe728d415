package dev.sparkk8s.policy.spark;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.source.ContainerSite;
import dev.sparkk8s.policy.source.PodSite;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.List;

/** Compares a container's memory limit with a {@link MemoryBudget}. */
final class MemoryLimit {

  private static final String FIELD = "resources.limits.memory";

  private MemoryLimit() {
  }

  static void check(PodSite site, ContainerSite container, MemoryBudget budget, String rule, String fix,
      List<Finding> out) {
    Quantity limit = container.container().getResources() == null
        || container.container().getResources().getLimits() == null
        ? null : container.container().getResources().getLimits().get("memory");
    if (limit == null) {
      out.add(site.onContainer(rule, container, FIELD,
          "no memory limit; " + budget.breakdown() + " needs one of at least " + budget.totalMiB() + "Mi", fix));
      return;
    }
    BigDecimal limitBytes;
    try {
      limitBytes = Quantity.getAmountInBytes(limit);
    } catch (RuntimeException notAQuantity) {
      out.add(site.onContainer(rule, container, FIELD, "memory limit " + limit + " is not a quantity", fix));
      return;
    }
    BigDecimal needed = BigDecimal.valueOf(budget.totalMiB()).multiply(BigDecimal.valueOf(SparkSize.MIB));
    if (needed.compareTo(limitBytes) > 0) {
      out.add(site.onContainer(rule, container, FIELD,
          budget.breakdown() + " exceeds the memory limit " + limit, fix));
    }
  }
}
