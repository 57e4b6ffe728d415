package dev.sparkk8s.cli;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.policy.PolicyEngine;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.HelmLintResult;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code spark-k8s lint}: helm lint on the chart, the inputs rendered (which validates them against
 * the chart's schema), and the policy checks on the rendered objects.
 */
@Command(name = "lint",
    description = {"Check the chart and these inputs: helm lint, the values schema, and the policy "
        + "rules (Pod Security Standards, OpenShift restricted-v2, Spark wiring) on the rendered objects.",
        "Exit 0: passed; 1: findings or helm lint errors; 2: bad input."})
public class LintCommand implements Callable<Integer> {

  @Mixin
  Terminal terminal;

  @Mixin
  ChartInputs inputs;

  @Option(names = "--strict", description = "Fail on helm lint warnings too.")
  boolean strict;

  @Override
  public Integer call() {
    RenderRequest request = inputs.request();
    ChartRenderer renderer = inputs.chart().renderer();
    HelmLintResult helmLint = renderer.helmLint(strict);
    RenderedRelease release = renderer.render(request);
    List<Finding> findings = PolicyEngine.standard().check(release.objects());
    return LintReport.print(helmLint, release.objects().size(), findings, terminal.out());
  }
}
