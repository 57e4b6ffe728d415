package dev.sparkk8s.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;

/** An API server's failure as one line a person can act on. */
public final class ApiErrors {

  private ApiErrors() {
  }

  /** The failure of a request a command cannot do without: an API server that does not answer or refuses it. */
  public static ClusterInputException asInput(KubernetesClient client, KubernetesClientException e) {
    String server = client.getConfiguration().getMasterUrl();
    if (rootCause(e) instanceof IOException io && e.getCode() <= 0) {
      return new ClusterInputException("cannot reach the Kubernetes API server at " + server + ": "
          + io.getClass().getSimpleName() + (io.getMessage() == null ? "" : ": " + io.getMessage()));
    }
    if (e.getCode() == 401) {
      return new ClusterInputException("the Kubernetes API server at " + server
          + " refused the kubeconfig's credentials (401 Unauthorized)");
    }
    return new ClusterInputException("the Kubernetes API server at " + server + " refused: " + oneLine(e));
  }

  /** The API server's own message when it sent a Status, else the client's. */
  public static String oneLine(KubernetesClientException e) {
    String message = e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage()
        : String.valueOf(e.getMessage());
    return (e.getCode() > 0 ? e.getCode() + " " : "") + String.join(" ", message.strip().lines().toList());
  }

  private static Throwable rootCause(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause;
  }
}
