package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.contract.ChartLabels;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * podDisruptionBudget.enabled gives the Connect server (when the chart runs it as a Deployment), the Standalone
 * master and the workers a budget each, selecting that component's pods and no other, that never blocks a drain.
 */
class PodDisruptionBudgetTest {

  static Stream<RenderCase> cases() {
    return RenderCase.matrix().filter(c -> c.preset() == null);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachComponentHasABudgetThatLetsADrainThrough(RenderCase c) {
    List<String> sets = new ArrayList<>(List.of(c.sets()));
    sets.add("podDisruptionBudget.enabled=true");
    sets.add("spark.standalone.enabled=true");
    ReleaseView view = new ReleaseView(ChartFixture.render(sets.toArray(String[]::new)));

    Map<String, PodDisruptionBudget> budgets = view.release().objects(PodDisruptionBudget.class).stream()
        .collect(Collectors.toMap(b -> b.getMetadata().getLabels().get(ChartLabels.COMPONENT), b -> b));
    List<String> expected = "operator".equals(c.backend()) ? List.of("master", "worker")
        : List.of("connect", "master", "worker");
    assertThat(budgets).containsOnlyKeys(expected);
    List<RunningPod> pods = RunningPod.of(view);
    budgets.forEach((component, budget) -> {
      assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
      assertThat(budget.getSpec().getUnhealthyPodEvictionPolicy()).isEqualTo("AlwaysAllow");
      Map<String, String> selector = budget.getSpec().getSelector().getMatchLabels();
      assertThat(pods).filteredOn(p -> p.site().labels().entrySet().containsAll(selector.entrySet()))
          .as("pods the %s budget selects", component)
          .extracting(RunningPod::component).containsExactly(component);
    });
    List<Finding> findings = PolicyEngine.standard().check(view.release().objects());
    assertThat(findings).extracting(Finding::describe).isEmpty();
  }

  @Test
  void offByDefaultAndMaxUnavailableIsTheValue() {
    assertThat(ChartFixture.render("spark.connect.mode.k8s.backend=standalone").objects(PodDisruptionBudget.class))
        .isEmpty();
    List<PodDisruptionBudget> budgets = ChartFixture.render("spark.connect.mode.k8s.backend=standalone",
        "podDisruptionBudget.enabled=true", "podDisruptionBudget.maxUnavailable=2").objects(PodDisruptionBudget.class);
    assertThat(budgets).hasSize(3).allSatisfy(b -> assertThat(b.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(2));
  }
}
