package dev.sparkk8s.cli;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import dev.sparkk8s.render.RenderRequest;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which installed release a command works on: the cluster (kubeconfig and context), namespace and release name. */
public class ReleaseOptions {

  @Option(names = "--kubeconfig", paramLabel = "FILE",
      description = "Kubeconfig of the cluster (default: $KUBECONFIG or ~/.kube/config).")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "Context of the kubeconfig (default: its current).")
  String context;

  @Option(names = {"-n", "--namespace"}, paramLabel = "NS",
      description = "Namespace of the release (default: the context's, else default).")
  String namespace;

  @Option(names = "--release", paramLabel = "NAME", defaultValue = RenderRequest.DEFAULT_RELEASE,
      description = "Helm release whose job profile to use (default: ${DEFAULT-VALUE}).")
  String release;

  KubernetesClient client() {
    return new KubernetesClientBuilder().withConfig(config()).build();
  }

  /** The namespace asked for, else the kubeconfig context's. */
  String namespace(KubernetesClient client) {
    if (namespace != null) {
      return namespace;
    }
    String fromContext = client.getConfiguration().getNamespace();
    return fromContext == null ? "default" : fromContext;
  }

  /** What Spark's submission client needs to reach the same cluster: the kubeconfig given, if any. */
  Map<String, String> clientEnv() {
    return kubeconfig == null ? Map.of() : Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString());
  }

  String release() {
    return release;
  }

  private Config config() {
    if (kubeconfig == null) {
      return Config.autoConfigure(context);
    }
    if (!Files.isReadable(kubeconfig)) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "--kubeconfig " + kubeconfig + ": no such readable file");
    }
    try {
      return Config.fromKubeconfig(context, Files.readString(kubeconfig), kubeconfig.toString());
    } catch (IOException e) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "--kubeconfig " + kubeconfig + ": " + e.getMessage());
    }
  }
}
