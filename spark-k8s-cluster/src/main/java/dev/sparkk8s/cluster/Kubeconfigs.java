package dev.sparkk8s.cluster;

import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.internal.KubeConfigUtils;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The client configuration of a kubeconfig's context, as kubectl picks it. */
public final class Kubeconfigs {

  /** Fail fast on an API server that does not answer, instead of the client's retries with back-off. */
  private static final int CONNECT_TIMEOUT_MS = 5_000;
  private static final int REQUEST_TIMEOUT_MS = 20_000;

  private Kubeconfigs() {
  }

  /**
   * @param kubeconfig the file, or {@code null} for kubectl's: the first file of {@code KUBECONFIG}, else
   *                   {@code ~/.kube/config}
   * @param context    the context, or {@code null} for the file's current context
   * @throws ClusterInputException when there is no such file or context
   */
  public static Config config(Path kubeconfig, String context) {
    Path file = kubeconfig != null ? kubeconfig : defaultFile().orElseThrow(() -> new ClusterInputException(
        "no kubeconfig: give --kubeconfig FILE or set KUBECONFIG (looked for " + Config.getKubeconfigFilenames() + ")"));
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ClusterInputException("--kubeconfig " + file + ": cannot read it (" + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
    }
    Config config;
    try {
      List<String> contexts = Config.fromKubeconfig(null, text, file.toString()).getContexts().stream()
          .map(NamedContext::getName).toList();
      if (context != null && !contexts.contains(context)) {
        throw new ClusterInputException("--context " + context + ": the kubeconfig " + file + " has no such context"
            + (contexts.isEmpty() ? "" : " (it has: " + String.join(", ", contexts) + ")"));
      }
      config = Config.fromKubeconfig(context, text, file.toString());
    } catch (KubernetesClientException | IllegalArgumentException e) {
      throw new ClusterInputException("--kubeconfig " + file + ": not a kubeconfig the client can use ("
          + String.join(" ", String.valueOf(e.getMessage()).lines().toList()) + ")");
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new ClusterInputException("--kubeconfig " + file + ": its context names no cluster server");
    }
    config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
    config.setRequestTimeout(REQUEST_TIMEOUT_MS);
    config.setRequestRetryBackoffLimit(0);
    return config;
  }

  /**
   * The kubeconfig's text for Helm's own client, with {@code context} (when given) as its current context; call
   * {@link #config} first, which checks the file and the context.
   */
  public static String helmContents(Path kubeconfig, String context) {
    Path file = kubeconfig != null ? kubeconfig : defaultFile().orElseThrow();
    try {
      String text = Files.readString(file);
      if (context == null) {
        return text;
      }
      io.fabric8.kubernetes.api.model.Config parsed = KubeConfigUtils.parseConfigFromString(text);
      parsed.setCurrentContext(context);
      return Serialization.asYaml(parsed);
    } catch (IOException e) {
      throw new ClusterInputException("--kubeconfig " + file + ": cannot read it (" + e.getMessage() + ")");
    }
  }

  private static Optional<Path> defaultFile() {
    return Config.getKubeconfigFilenames().stream().map(Path::of).filter(Files::isRegularFile).findFirst();
  }
}
