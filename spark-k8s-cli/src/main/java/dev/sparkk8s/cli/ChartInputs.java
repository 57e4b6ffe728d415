package dev.sparkk8s.cli;

import dev.sparkk8s.render.RenderRequest;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The inputs shared by {@code render} and {@code lint}: what to render, with which values. */
public class ChartInputs {

  @Mixin
  ChartOption chartOption;

  @Mixin
  ValuesInputs values;

  @Option(names = "--release", paramLabel = "NAME", defaultValue = RenderRequest.DEFAULT_RELEASE,
      description = "Release name (default: ${DEFAULT-VALUE}).")
  String release;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS", defaultValue = RenderRequest.DEFAULT_NAMESPACE,
      description = "Namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(names = "--kube-version", paramLabel = "VERSION", defaultValue = RenderRequest.DEFAULT_KUBE_VERSION,
      description = "Kubernetes version for capabilities checks (default: ${DEFAULT-VALUE}, as helm template).")
  String kubeVersion;

  RenderRequest request() {
    return RenderRequest.builder()
        .release(release)
        .namespace(namespace)
        .kubeVersion(kubeVersion)
        .values(values.userValues())
        .build();
  }

  ChartOption chart() {
    return chartOption;
  }
}
