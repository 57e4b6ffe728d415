package dev.sparkk8s.local;

import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One look at whether a local process is ready, by the container's own readiness probe. */
public final class Readiness {

  private Readiness() {
  }

  /**
   * The chart's readinessProbe of this process: tcpSocket and httpGet against its local port, exec
   * as the kubelet runs it in the container (its environment, {@code $(NAME)} expanded, addresses
   * rewritten like its arguments).
   */
  static boolean probe(ProcessPlan plan, LocalAddresses addresses) {
    ChartContainer c = plan.container();
    Probe probe = c.container().getReadinessProbe();
    if (probe == null) {
      return true;
    }
    if (probe.getExec() != null) {
      return exec(plan, addresses, probe);
    }
    if (probe.getTcpSocket() != null) {
      return tcp(addresses.port(c, probe.getTcpSocket().getPort()));
    }
    if (probe.getHttpGet() != null) {
      int port = addresses.port(c, probe.getHttpGet().getPort());
      return httpOk("http://" + LocalAddresses.LOOPBACK + ":" + port + probe.getHttpGet().getPath());
    }
    throw new LocalRuntimeException(c.instance() + ": the local runtime checks tcpSocket, httpGet and exec probes only");
  }

  private static boolean exec(ProcessPlan plan, LocalAddresses addresses, Probe probe) {
    List<String> command = probe.getExec().getCommand().stream()
        .map(word -> addresses.arg(plan.container(), ContainerEnv.expand(word, plan.env()))).toList();
    int timeoutSeconds = probe.getTimeoutSeconds() == null ? 1 : probe.getTimeoutSeconds();
    ProcessBuilder pb = new ProcessBuilder(command).directory(plan.workDir().toFile())
        .redirectErrorStream(true).redirectOutput(Redirect.DISCARD);
    pb.environment().putAll(plan.env());
    try {
      Process p = pb.start();
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return false;
      }
      return p.exitValue() == 0;
    } catch (IOException e) {
      throw new LocalRuntimeException(plan.instance() + ": cannot run its readiness probe " + command.get(0) + ": "
          + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  public static boolean tcp(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress(LocalAddresses.LOOPBACK, port), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  static boolean httpOk(String url) {
    return httpGet(url) != null;
  }

  /** The body of a 200 answer, or null. */
  static String httpGet(String url) {
    try {
      HttpURLConnection conn = (HttpURLConnection) URI.create(url).toURL().openConnection();
      conn.setConnectTimeout(1000);
      conn.setReadTimeout(3000);
      try {
        if (conn.getResponseCode() != 200) {
          return null;
        }
        return new String(conn.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      } finally {
        conn.disconnect();
      }
    } catch (IOException e) {
      return null;
    }
  }
}
