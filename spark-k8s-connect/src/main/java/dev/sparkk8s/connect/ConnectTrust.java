package dev.sparkk8s.connect;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CA certificates this process trusts for Spark Connect over TLS ({@code use_ssl=true}) besides the JVM's own. The
 * Spark Connect JVM client trusts only the JVM's trust store: this writes one with the JVM's CAs (or those of the
 * store {@code javax.net.ssl.trustStore} named at start) and the added ones, and points the JVM at it.
 */
public final class ConnectTrust {

  private static final char[] PASSWORD = "spark-k8s".toCharArray();
  private static final Map<String, X509Certificate> ADDED = new LinkedHashMap<>();
  private static KeyStore base;

  private ConnectTrust() {
  }

  /** Trusts the CA certificates (PEM) in the file from now on, in this process. */
  public static synchronized void trust(Path caCertificates) {
    List<X509Certificate> certificates = read(caCertificates);
    certificates.forEach(c -> ADDED.put(c.getSubjectX500Principal().getName() + "#" + c.getSerialNumber(), c));
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, PASSWORD);
      KeyStore jvm = base();
      for (String alias : java.util.Collections.list(jvm.aliases())) {
        Certificate c = jvm.getCertificate(alias);
        if (c != null) {
          store.setCertificateEntry(alias, c);
        }
      }
      int i = 0;
      for (X509Certificate c : ADDED.values()) {
        store.setCertificateEntry("spark-k8s-added-" + i++, c);
      }
      // A new file each time: the JVM reloads a trust store whose file changed, not one rewritten in place.
      Path file = Files.createTempFile("spark-k8s-truststore-", ".p12");
      file.toFile().deleteOnExit();
      try (OutputStream out = Files.newOutputStream(file)) {
        store.store(out, PASSWORD);
      }
      System.setProperty("javax.net.ssl.trustStore", file.toString());
      System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
      System.setProperty("javax.net.ssl.trustStorePassword", new String(PASSWORD));
    } catch (IOException | GeneralSecurityException e) {
      throw new SparkK8sException(ExitCode.INTERNAL_ERROR, "cannot make a trust store with " + caCertificates + ": "
          + e.getMessage(), e);
    }
  }

  private static List<X509Certificate> read(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, file + ": no such CA certificate file");
    }
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> all = CertificateFactory.getInstance("X.509").generateCertificates(in);
      List<X509Certificate> out = new ArrayList<>();
      all.forEach(c -> out.add((X509Certificate) c));
      if (out.isEmpty()) {
        throw new SparkK8sException(ExitCode.BAD_INPUT, file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
      }
      return out;
    } catch (IOException | GeneralSecurityException e) {
      throw new SparkK8sException(ExitCode.BAD_INPUT, file + ": not a PEM certificate: " + e.getMessage());
    }
  }

  /** The trust store the JVM started with: javax.net.ssl.trustStore's, else the JDK's cacerts. */
  private static KeyStore base() throws IOException, GeneralSecurityException {
    if (base == null) {
      String named = System.getProperty("javax.net.ssl.trustStore");
      Path file = named != null ? Path.of(named) : Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
      String password = System.getProperty("javax.net.ssl.trustStorePassword", "changeit");
      KeyStore store = KeyStore.getInstance(System.getProperty("javax.net.ssl.trustStoreType", KeyStore.getDefaultType()));
      try (InputStream in = Files.newInputStream(file)) {
        store.load(in, password.toCharArray());
      }
      base = store;
    }
    return base;
  }
}
