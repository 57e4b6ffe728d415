package dev.sparkk8s.policy;

import dev.sparkk8s.policy.openshift.OpenShiftRestrictedV2;
import dev.sparkk8s.policy.pss.PssBaseline;
import dev.sparkk8s.policy.pss.PssRestricted;
import dev.sparkk8s.policy.spark.SparkWiring;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Checks every pod spec and the Spark wiring of rendered manifests. */
public final class PolicyEngine {

  private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
  private static final Comparator<Finding> ORDER = Comparator.comparing(Finding::resource, NULLS_FIRST)
      .thenComparing(Finding::rule)
      .thenComparing(Finding::container, NULLS_FIRST)
      .thenComparing(Finding::field, NULLS_FIRST)
      .thenComparing(Finding::message, NULLS_FIRST);

  private final List<Rule> rules;

  public PolicyEngine(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** PSS baseline and restricted, OpenShift restricted-v2 (where a pod asks for it) and the Spark wiring rules. */
  public static PolicyEngine standard() {
    return new PolicyEngine(Stream.of(
            PssBaseline.rules(), PssRestricted.rules(), OpenShiftRestrictedV2.rules(), SparkWiring.rules())
        .flatMap(List::stream)
        .toList());
  }

  /** The findings, sorted by resource, then rule; the same finding reached twice is reported once. */
  public List<Finding> check(List<HasMetadata> objects) {
    Manifests manifests = new Manifests(objects);
    List<Finding> out = new ArrayList<>();
    for (Rule rule : rules) {
      rule.check(manifests, out);
    }
    return out.stream().distinct().sorted(ORDER).toList();
  }
}
