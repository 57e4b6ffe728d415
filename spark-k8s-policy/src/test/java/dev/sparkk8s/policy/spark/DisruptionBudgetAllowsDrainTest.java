package dev.sparkk8s.policy.spark;

import static dev.sparkk8s.policy.testing.Expect.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.testing.CompliantRelease;
import dev.sparkk8s.policy.testing.Labels;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import org.junit.jupiter.api.Test;

/** The compliant standalone release with a budget of maxUnavailable 1 on the single-replica Connect server. */
class DisruptionBudgetAllowsDrainTest {

  private static final String BUDGET = "PodDisruptionBudget/spark-connect";

  private final CompliantRelease release = new CompliantRelease().withStandaloneBackend();
  private final PodDisruptionBudget budget = new PodDisruptionBudgetBuilder()
      .withNewMetadata().withName("spark-connect").withLabels(Labels.of("connect")).endMetadata()
      .withNewSpec().withMaxUnavailable(new IntOrString(1))
      .withNewSelector().withMatchLabels(Labels.selector("connect")).endSelector()
      .endSpec().build();

  DisruptionBudgetAllowsDrainTest() {
    release.extra.add(budget);
  }

  @Test
  void maxUnavailableOneNeverBlocks() {
    assertThat(release.check()).isEmpty();
  }

  @Test
  void maxUnavailableZeroBlocksEveryDrain() {
    budget.getSpec().setMaxUnavailable(new IntOrString(0));

    Finding f = only(release.check(), DisruptionBudgetAllowsDrain.ID, BUDGET, null, "spec.maxUnavailable");
    assertThat(f.message()).contains("Deployment/spark-connect", "1 replica", "waits forever");
    assertThat(f.fix()).contains("podDisruptionBudget.maxUnavailable");
  }

  @Test
  void minAvailableOneOnASingleReplica() {
    budget.getSpec().setMaxUnavailable(null);
    budget.getSpec().setMinAvailable(new IntOrString(1));

    only(release.check(), DisruptionBudgetAllowsDrain.ID, BUDGET, null, "spec.minAvailable");
  }

  @Test
  void aPercentageRoundsUp() {
    release.worker().getSpec().setReplicas(4);
    budget.getSpec().setMaxUnavailable(null);
    budget.getSpec().setMinAvailable(new IntOrString("75%"));
    budget.getSpec().setSelector(new LabelSelectorBuilder()
        .withMatchLabels(Labels.selector("worker")).build());
    assertThat(release.check()).as("3 of 4 must stay: 1 may go").isEmpty();

    budget.getSpec().setMinAvailable(new IntOrString("76%"));
    only(release.check(), DisruptionBudgetAllowsDrain.ID, BUDGET, null, "spec.minAvailable");
  }

  @Test
  void aSelectorExpressionSelects() {
    budget.getSpec().setMaxUnavailable(new IntOrString(0));
    budget.getSpec().setSelector(new LabelSelectorBuilder()
        .addNewMatchExpression().withKey("app.kubernetes.io/component").withOperator("In").withValues("master")
        .endMatchExpression().build());

    Finding f = only(release.check(), DisruptionBudgetAllowsDrain.ID, BUDGET, null, "spec.maxUnavailable");
    assertThat(f.message()).contains("StatefulSet/spark-master");
  }

  @Test
  void aBudgetThatSelectsNoWorkloadBlocksNothing() {
    budget.getSpec().setMaxUnavailable(new IntOrString(0));
    budget.getSpec().getSelector().getMatchLabels().put("app.kubernetes.io/component", "history");

    assertThat(release.check()).isEmpty();
  }
}
