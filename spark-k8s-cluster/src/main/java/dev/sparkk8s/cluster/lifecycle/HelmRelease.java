package dev.sparkk8s.cluster.lifecycle;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.UpgradeCommand;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * One release of the chart on a cluster through Helm's own code (helm-java): its record is Helm's release Secret, so
 * {@code helm list}, {@code helm history} and GitOps tools see it as any other. Installs and upgrades are atomic: Helm
 * waits for the release's workloads and rolls back (uninstalls a first install) when they are not ready in time.
 */
public final class HelmRelease {

  private final ChartRenderer chart;
  private final String kubeconfig;
  private final String namespace;
  private final String name;

  /**
   * @param kubeconfig the kubeconfig's text, its current context the cluster's
   */
  public HelmRelease(ChartRenderer chart, String kubeconfig, String namespace, String name) {
    this.chart = chart;
    this.kubeconfig = kubeconfig;
    this.namespace = namespace;
    this.name = name;
  }

  public String name() {
    return name;
  }

  public String namespace() {
    return namespace;
  }

  /** The release as {@code helm list} shows it, if there is one. */
  public Optional<Release> current() {
    return helm(() -> Helm.list().all().withNamespace(namespace).withKubeConfigContents(kubeconfig).call())
        .stream().filter(r -> r.getName().equals(name)).findFirst();
  }

  /** The values its user gave (as {@code helm get values}: YAML, without the chart's defaults); empty for none. */
  public String userValues() {
    String values = helm(() -> Helm.get(name).values().withNamespace(namespace).withKubeConfigContents(kubeconfig)
        .call()).strip();
    return values.equals("null") ? "" : values;
  }

  /** {@code helm install --atomic --timeout}. */
  public Release install(RenderRequest request, Duration timeout) {
    InstallCommand install = new Helm(chart.chartDir()).install().withName(name).withNamespace(namespace)
        .withKubeConfigContents(kubeconfig).atomic().withTimeout(seconds(timeout));
    return chart.withValues(request, install::withValuesFile, install::set, () -> applied(install::call));
  }

  /** {@code helm upgrade --atomic --timeout} with exactly the request's values (the caller merges earlier ones). */
  public Release upgrade(RenderRequest request, Duration timeout) {
    UpgradeCommand upgrade = new Helm(chart.chartDir()).upgrade().withName(name).withNamespace(namespace)
        .withKubeConfigContents(kubeconfig).atomic().withTimeout(seconds(timeout));
    return chart.withValues(request, upgrade::withValuesFile, upgrade::set, () -> applied(upgrade::call));
  }

  /** {@code helm uninstall}: the chart's objects and the release's records. */
  public void uninstall() {
    helm(() -> Helm.uninstall(name).withNamespace(namespace).withKubeConfigContents(kubeconfig).call());
  }

  private static int seconds(Duration timeout) {
    return (int) Math.max(1, timeout.toSeconds());
  }

  /** Helm's failure of an install or upgrade (rolled back, as it says) is the command's, not the values'. */
  private static Release applied(java.util.function.Supplier<Release> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      throw new SparkK8sException(ExitCode.CHECK_FAILED, "helm: " + oneLine(e));
    }
  }

  private static <T> T helm(java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (IllegalStateException e) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "helm: " + oneLine(e));
    }
  }

  private static String oneLine(IllegalStateException e) {
    return String.join(" ", String.valueOf(e.getMessage()).strip().lines().toList());
  }
}
