package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.monitoring.AlertRule;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PrometheusRule as Prometheus reads it: {@code promtool check rules} passes on what every backend renders, and
 * {@code promtool test rules} runs {@code alert-tests/alerts-test.yaml}, where every alert fires on what it is
 * about and stays quiet on a healthy release.
 */
class AlertRulesPromtoolTest {

  private static final String UNIT_TESTS = "/alert-tests/alerts-test.yaml";
  /** The release the unit tests are written for: the standalone backend with a History Server, every alert. */
  private static final String[] UNIT_TESTED = {"spark.connect.mode.k8s.backend=standalone", "spark.eventLog.enabled=true",
      "spark.eventLog.existingClaim=events", "spark.historyServer.enabled=true", "monitoring.enabled=true",
      "monitoring.prometheusRule.enabled=true"};

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"spark.connect.mode.k8s.backend=standalone,spark.eventLog.enabled=true,"
      + "spark.eventLog.existingClaim=events,spark.historyServer.enabled=true",
      "spark.connect.mode.k8s.backend=kubernetes,spark.executor.instances=min:0 max:4",
      "spark.connect.mode.k8s.backend=operator,spark.version=3.5",
      "spark.connect.enabled=false,spark.standalone.enabled=true,monitoring.prometheusRule.for=30s"})
  void promtoolChecksTheRenderedRules(String sets, @TempDir Path dir) throws Exception {
    List<String> args = new ArrayList<>(List.of(sets.split(",")));
    args.addAll(List.of("monitoring.enabled=true", "monitoring.prometheusRule.enabled=true"));
    RenderedRelease release = ChartFixture.render(args.toArray(String[]::new));
    Promtool.writeRuleFile(release, dir.resolve("rules.yaml"), true);

    Promtool.Result check = Promtool.run(dir, "check", "rules", "rules.yaml");

    assertThat(check.exitCode()).as(check.output()).isZero();
    assertThat(check.output()).contains("SUCCESS: " + PrometheusRules.alerts(release.objects()).size() + " rules found");
  }

  @Test
  void everyAlertFiresOnWhatItIsAboutAndNotOnAHealthyRelease(@TempDir Path dir) throws Exception {
    Promtool.writeRuleFile(ChartFixture.render(UNIT_TESTED), dir.resolve("rules.yaml"), false);
    try (InputStream tests = getClass().getResourceAsStream(UNIT_TESTS)) {
      Files.copy(tests, dir.resolve("alerts-test.yaml"));
    }

    Promtool.Result test = Promtool.run(dir, "test", "rules", "alerts-test.yaml");

    assertThat(test.exitCode()).as(test.output()).isZero();
    assertThat(test.output()).contains("SUCCESS");
  }

  @Test
  void theUnitTestsHaveEveryAlertFireAndStayQuiet() throws IOException {
    JsonNode tests;
    try (InputStream in = getClass().getResourceAsStream(UNIT_TESTS)) {
      tests = Json.yaml(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
    }
    Set<String> fires = new TreeSet<>();
    Set<String> quiet = new TreeSet<>();
    for (JsonNode group : tests.path("tests")) {
      for (JsonNode t : group.path("alert_rule_test")) {
        (t.path("exp_alerts").isEmpty() ? quiet : fires).add(t.path("alertname").asText());
      }
    }
    List<String> alerts = PrometheusRules.alerts(ChartFixture.render(UNIT_TESTED).objects()).stream()
        .map(AlertRule::alert).toList();

    assertThat(alerts).hasSize(9);
    assertThat(fires).as("alerts a unit test makes fire").containsAll(alerts);
    assertThat(quiet).as("alerts a unit test expects quiet").containsAll(alerts);
  }
}
