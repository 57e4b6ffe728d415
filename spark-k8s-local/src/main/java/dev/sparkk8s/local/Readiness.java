package dev.sparkk8s.local;

import io.fabric8.kubernetes.api.model.Probe;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/** One look at whether a local process is ready, by the container's own readiness probe. */
public final class Readiness {

  private Readiness() {
  }

  /** The chart's readinessProbe of this container, against its local port. */
  static boolean probe(ChartContainer c, LocalAddresses addresses) {
    Probe probe = c.container().getReadinessProbe();
    if (probe == null) {
      return true;
    }
    if (probe.getTcpSocket() != null) {
      return tcp(addresses.port(c, probe.getTcpSocket().getPort()));
    }
    if (probe.getHttpGet() != null) {
      int port = addresses.port(c, probe.getHttpGet().getPort());
      return httpOk("http://" + LocalAddresses.LOOPBACK + ":" + port + probe.getHttpGet().getPath());
    }
    throw new LocalRuntimeException(c.instance() + ": the local runtime checks tcpSocket and httpGet probes only");
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
