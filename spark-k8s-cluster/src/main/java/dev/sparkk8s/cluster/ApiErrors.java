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
    IOException io = firstIoCause(e);
    if (io != null && e.getCode() <= 0) {
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

  /**
   * The first input or output error under the client's that says more than "IOException": what the connection said
   * (ConnectException, UnknownHostException: host, HttpConnectTimeoutException, ...).
   */
  private static IOException firstIoCause(Throwable e) {
    IOException found = null;
    for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
      if (cause instanceof IOException io) {
        found = found == null ? io : found;
        if (io.getClass() != IOException.class || io.getMessage() != null) {
          return io;
        }
      }
    }
    return found;
  }
}
