package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.policy.Finding;
import dev.sparkk8s.render.HelmLintResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LintCommandTest {

  @Test
  void theDefaultChartPasses() {
    Cli.Result r = Cli.run("lint");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out().lines().toList()).last().asString().matches("lint: passed \\(\\d+ objects checked, no findings\\)");
  }

  @ParameterizedTest(name = "--preset {0}")
  @ValueSource(strings = {"development", "enterprise", "openshift", "production", "s3-minio"})
  void everyPresetPasses(String preset) {
    Cli.Result r = Cli.run("lint", "--preset", preset, "--strict");
    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains("lint: passed");
  }

  /**
   * A real input the chart renders but that breaks a policy: S3A settings through spark.conf instead of
   * spark.s3, on the stock image, which has no hadoop-aws (spark.s3.enabled would refuse that, or fetch it with
   * spark.s3.withPackages). (If the chart starts refusing it, pick another real input here.)
   */
  @Test
  void aPolicyFindingFromValuesFailsWithExitOneGroupedByResource() {
    Cli.Result r = Cli.run("lint", "--set", "spark.conf.spark\\.hadoop\\.fs\\.s3a\\.endpoint=http://minio:9000");
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.err()).isEmpty();
    List<String> lines = r.out().lines().toList();
    assertThat(lines.get(0)).matches("Deployment/\\S+-connect");
    assertThat(lines.get(1)).startsWith("  spark/s3a-in-image: " + lines.get(0))
        .contains("spark.hadoop.fs.s3a.endpoint");
    assertThat(lines).last().asString().matches("lint: 1 finding in 1 object \\(\\d+ objects checked\\)");
  }

  /**
   * A chart someone modified (--chart DIR): a copy of the real chart with an extra template that
   * runs a privileged, root pod with a hostPath volume. Helm lint passes; the policy must not.
   */
  @Test
  void aModifiedChartWithAPrivilegedPodFails(@TempDir Path tmp) throws IOException {
    Path chart = tmp.resolve("spark-k8s");
    dev.sparkk8s.render.FileTrees.copy(Cli.repoChart(), chart);
    Files.writeString(chart.resolve("templates/debug-pod.yaml"), """
        apiVersion: v1
        kind: Pod
        metadata:
          name: {{ .Release.Name }}-debug
        spec:
          volumes:
            - name: host
              hostPath:
                path: /var/run
          containers:
            - name: debug
              image: busybox
              securityContext:
                privileged: true
              volumeMounts:
                - name: host
                  mountPath: /host
        """);
    Cli.Result r = Cli.run("lint", "--chart", chart.toString());
    assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
    assertThat(r.out()).startsWith("Pod/spark-debug\n").contains("  pss-baseline/privileged: Pod/spark-debug container debug",
        "  pss-baseline/host-path-volumes: Pod/spark-debug");
    assertThat(r.out().lines().toList()).last().asString().matches("lint: \\d+ findings in 1 object \\(\\d+ objects checked\\)");
  }

  @Test
  void reportGroupsFindingsByResourceAndCountsThem() {
    Finding a1 = new Finding("pss-restricted/run-as-non-root", "Deployment/a", "c", "spec.x", "runAsNonRoot is false", "set it");
    Finding a2 = new Finding("pss-baseline/privileged", "Deployment/a", "c", "spec.y", "privileged is true", "unset it");
    Finding b = new Finding("spark/conf-mounted", "ConfigMap/b", null, "data", "not mounted", "mount it");
    StringWriter out = new StringWriter();
    int code = LintReport.print(new HelmLintResult(List.of("[INFO] Chart.yaml: icon is recommended",
        "[WARNING] templates/x.yaml: something"), false), 7, List.of(a1, b, a2), new PrintWriter(out));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString().lines()).containsExactly(
        "helm lint: [WARNING] templates/x.yaml: something",
        "ConfigMap/b",
        "  " + b.describe(),
        "Deployment/a",
        "  " + a1.describe(),
        "  " + a2.describe(),
        "lint: 3 findings in 2 objects (7 objects checked)");
  }

  @Test
  void helmLintErrorsFailTooAndPassingIsReported() {
    StringWriter out = new StringWriter();
    int code = LintReport.print(new HelmLintResult(List.of("[ERROR] templates/: parse error"), true), 3,
        List.of(), new PrintWriter(out));
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEqualTo(
        "helm lint: [ERROR] templates/: parse error\nlint: helm lint failed (1 error) (3 objects checked)\n");
    out = new StringWriter();
    assertThat(LintReport.print(new HelmLintResult(List.of(), false), 1, List.of(), new PrintWriter(out))).isZero();
    assertThat(out.toString()).isEqualTo("lint: passed (1 object checked, no findings)\n");
  }
}
