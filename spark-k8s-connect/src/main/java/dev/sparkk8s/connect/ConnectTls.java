package dev.sparkk8s.connect;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS of a Spark Connect URL, checked before a client connects: an untrusted certificate makes the Spark Connect
 * client retry for minutes; this says at once which certificate and what to give.
 */
public final class ConnectTls {

  private static final int TIMEOUT_MILLIS = 5000;

  private ConnectTls() {
  }

  /**
   * Whether a Spark Connect client talks TLS to this URL: {@code use_ssl=true}, or a token to a host other than
   * {@code localhost} (the clients send tokens over TLS only).
   */
  public static boolean used(String connectUrl) {
    String url = connectUrl.toLowerCase(Locale.ROOT);
    return url.contains(";use_ssl=true") || (url.contains(";token=") && !url.startsWith("sc://localhost:")
        && !url.startsWith("sc://localhost/"));
  }

  /**
   * Fails (bad input) when this process does not trust the certificate the server at host:port presents for that
   * host, with the JVM's trust store as it is now ({@link ConnectTrust} included).
   */
  public static void requireTrusted(String connectUrl, String host, int port) {
    try {
      TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init((KeyStore) null);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket()) {
        socket.connect(new java.net.InetSocketAddress(host, port), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        parameters.setApplicationProtocols(new String[] {"h2"});
        socket.setSSLParameters(parameters);
        socket.startHandshake();
      }
    } catch (SSLHandshakeException e) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, "the server at " + ConnectUrls.redacted(connectUrl)
          + " presents a TLS certificate this process does not trust for " + host + " (" + rootCause(e)
          + "); give the CA that signed it with --ca-cert FILE (up --local --auth prints it)", e);
    } catch (IOException e) {
      throw new SparkK8sException(ExitCode.UNAVAILABLE, "no TLS handshake with the server at "
          + ConnectUrls.redacted(connectUrl) + ": " + e.getMessage() + "; is the port a TLS proxy's?", e);
    } catch (GeneralSecurityException e) {
      throw new SparkK8sException(ExitCode.INTERNAL_ERROR, "cannot set up TLS: " + e.getMessage(), e);
    }
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }
}
