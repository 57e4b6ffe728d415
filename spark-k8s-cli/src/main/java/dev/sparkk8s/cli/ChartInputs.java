package dev.sparkk8s.cli;

import dev.sparkk8s.render.RenderRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The inputs shared by {@code render} and {@code lint}: what to render, with which values. */
public class ChartInputs {

  @Mixin
  ChartOption chartOption;

  @Option(names = "--preset", paramLabel = "NAME",
      description = "Preset to start from (see 'spark-k8s presets'); applied before -f and --set.")
  String preset;

  @Option(names = {"-f", "--values"}, paramLabel = "FILE",
      description = "Values file, applied after the preset; repeat for several, later ones win.")
  List<Path> valuesFiles = new ArrayList<>();

  @Option(names = "--set", paramLabel = "KEY=VALUE",
      description = "Set a value (a.b=c; several pairs a=1,b=2), applied last; later ones win.")
  List<String> sets = new ArrayList<>();

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
    RenderRequest.Builder builder = RenderRequest.builder()
        .release(release)
        .namespace(namespace)
        .kubeVersion(kubeVersion)
        .preset(preset)
        .valuesFiles(valuesFiles);
    sets.forEach(builder::setArgument);
    return builder.build();
  }

  ChartOption chart() {
    return chartOption;
  }
}
