package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run's CA and certificate, and the check of a certificate and key a user gives. */
class LocalTlsCertificatesTest {

  @TempDir
  Path dir;

  @Test
  void theServerCertificateIsForLoopbackAndSignedByTheRunsCa() throws Exception {
    LocalTlsCertificates.Issued issued = LocalTlsCertificates.issue();
    X509Certificate ca = certificate(issued.ca().certificate());
    X509Certificate server = certificate(issued.server().certificate());

    server.verify(ca.getPublicKey());
    assertThat(ca.getBasicConstraints()).as("a CA").isGreaterThanOrEqualTo(0);
    assertThat(server.getBasicConstraints()).as("not a CA").isEqualTo(-1);
    assertThat(server.getSubjectAlternativeNames().stream().map(name -> String.valueOf(name.get(1))).toList())
        .containsExactlyInAnyOrder("localhost", "127.0.0.1");
    assertThat(issued.server().privateKey()).as("PKCS#8, which names the curve for OpenSSL")
        .startsWith("-----BEGIN PRIVATE KEY-----");
    Path cert = write("tls.crt", issued.server().certificate());
    Path key = write("tls.key", issued.server().privateKey());
    assertThat(LocalTlsCertificates.userPair(cert, "--tls-cert", key, "--tls-key").certificate())
        .isEqualTo(issued.server().certificate());
  }

  @Test
  void aKeyOfAnotherCertificateOrAFileWithoutOneIsRefusedNamingTheOption() throws Exception {
    LocalTlsCertificates.Issued one = LocalTlsCertificates.issue();
    LocalTlsCertificates.Issued other = LocalTlsCertificates.issue();
    Path cert = write("tls.crt", one.server().certificate());
    Path otherKey = write("other.key", other.server().privateKey());

    assertThatThrownBy(() -> LocalTlsCertificates.userPair(cert, "--tls-cert", otherKey, "--tls-key"))
        .isInstanceOf(LocalInputException.class)
        .hasMessage("--tls-key " + otherKey + ": not the private key of the certificate in --tls-cert " + cert);
    assertThatThrownBy(() -> LocalTlsCertificates.userPair(otherKey, "--tls-cert", otherKey, "--tls-key"))
        .isInstanceOf(LocalInputException.class)
        .hasMessage("--tls-cert " + otherKey + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
    assertThatThrownBy(() -> LocalTlsCertificates.userPair(cert, "--tls-cert", cert, "--tls-key"))
        .isInstanceOf(LocalInputException.class).hasMessage("--tls-key " + cert + ": no unencrypted PEM private key in it");
    Path absent = dir.resolve("absent.pem");
    assertThatThrownBy(() -> LocalTlsCertificates.userPair(absent, "--tls-cert", otherKey, "--tls-key"))
        .isInstanceOf(LocalInputException.class).hasMessage("--tls-cert " + absent + ": no such file");
  }

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static X509Certificate certificate(String pem) throws Exception {
    List<?> all = List.copyOf(CertificateFactory.getInstance("X.509")
        .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII))));
    return (X509Certificate) all.get(0);
  }
}
