package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.cli.PromqlMetricNames.MetricName;
import org.junit.jupiter.api.Test;

/** What the monitoring IT asks Prometheus for: the metric names of the chart's expressions, nothing else. */
class PromqlMetricNamesTest {

  @Test
  void namesOfSelectorsNotOfFunctionsAggregationsOrLabels() {
    assertThat(PromqlMetricNames.of("sum by (namespace, executor_id) (rate(metrics_executor_totalGCTime_seconds_total"
        + "{namespace=\"default\", executor_id!=\"driver\"}[5m])) / sum by (namespace, executor_id) "
        + "(rate(metrics_executor_totalDuration_seconds_total{app=\"x\"}[$__rate_interval])) > 0.1"))
        .containsExactly(new MetricName("metrics_executor_totalGCTime_seconds_total", false),
            new MetricName("metrics_executor_totalDuration_seconds_total", false));
  }

  @Test
  void bothSidesOfSetOperatorsAndMatchingClauses() {
    assertThat(PromqlMetricNames.of("up{a=\"b\"} == 0 or absent(up{a=\"b\"})"))
        .containsExactly(new MetricName("up", false));
    assertThat(PromqlMetricNames.of("sum by (ns) (jobs{x=\"1\"}) > 0 unless on (ns) count by (ns) "
        + "(cores{executor_id!=\"driver\"}) > 0 or on (ns, inst) 0 * count without (pod) (cores)"))
        .containsExactly(new MetricName("jobs", false), new MetricName("cores", false));
  }

  @Test
  void aNameMatcherWithoutANameAndNumbersWithExponents() {
    assertThat(PromqlMetricNames.of("{__name__=~\"metrics_application_.+_cores_Value\", ns=\"x\"}"))
        .containsExactly(new MetricName("metrics_application_.+_cores_Value", true));
    assertThat(PromqlMetricNames.of("sum(rate(cpu_Value{a=\"{b}\"}[1m])) / 1e9 * 1048576"))
        .containsExactly(new MetricName("cpu_Value", false));
    assertThat(new MetricName("m_.+", true).selector()).isEqualTo("{__name__=~\"m_.+\"}");
  }

  @Test
  void aStringOrRangeThatNeverEndsIsAnError() {
    assertThatThrownBy(() -> PromqlMetricNames.of("up{a=\"b}")).isInstanceOf(IllegalArgumentException.class);
  }
}
