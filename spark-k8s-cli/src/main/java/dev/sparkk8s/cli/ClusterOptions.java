package dev.sparkk8s.cli;

import dev.sparkk8s.cluster.ApiErrors;
import dev.sparkk8s.cluster.Kubeconfigs;
import dev.sparkk8s.render.RenderRequest;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** Which cluster, namespace and release a command works on. */
public class ClusterOptions {

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig of the cluster (default: the first file of KUBECONFIG, else ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "CONTEXT", description = "Context of the kubeconfig (default: its current one).")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Namespace of the release (default: the context's, else " + RenderRequest.DEFAULT_NAMESPACE + ").")
  String namespace;

  @Option(names = "--release", paramLabel = "NAME", defaultValue = RenderRequest.DEFAULT_RELEASE,
      description = "Release name (default: ${DEFAULT-VALUE}).")
  String release;

  /** The options of a command that gives them its own defaults ({@code e2e}); a null context is the current one. */
  static ClusterOptions of(Path kubeconfig, String context, String namespace, String release) {
    ClusterOptions options = new ClusterOptions();
    options.kubeconfig = kubeconfig;
    options.context = context;
    options.namespace = namespace;
    options.release = release;
    return options;
  }

  /** What Spark's submission client needs to reach the same cluster: the kubeconfig given, if any. */
  Map<String, String> clientEnv() {
    return kubeconfig == null ? Map.of() : Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
  }

  /**
   * Runs a command's work with a client of the cluster and the release's namespace, closing the client after. A
   * request the API server did not answer or refused ends the command in one line naming the server.
   */
  <T> T withClient(BiFunction<KubernetesClient, String, T> work) {
    Config config = config();
    try (KubernetesClient client = new KubernetesClientBuilder().withConfig(config).build()) {
      try {
        return work.apply(client, namespace(config));
      } catch (KubernetesClientException e) {
        throw ApiErrors.asInput(client, e);
      }
    }
  }

  Config config() {
    return Kubeconfigs.config(kubeconfig, context);
  }

  String namespace(Config config) {
    if (namespace != null) {
      return namespace;
    }
    return config.getNamespace() == null ? RenderRequest.DEFAULT_NAMESPACE : config.getNamespace();
  }
}
