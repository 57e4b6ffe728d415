package dev.sparkk8s.local;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * TLS material in PEM: a CA and a server certificate it signs, made for one run (EC P-256, valid a year, for
 * {@code localhost} and {@code 127.0.0.1}), and the check that a certificate and a private key belong together.
 */
public final class LocalTlsCertificates {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Duration VALIDITY = Duration.ofDays(365);

  /** A certificate and its key, in PEM. */
  public record Pem(String certificate, String privateKey) {
  }

  /** The run's CA and the server certificate it signed. */
  public record Issued(Pem ca, Pem server) {
  }

  private LocalTlsCertificates() {
  }

  /** A new CA of its own name and a server certificate for this machine's loopback it signs. */
  public static Issued issue() {
    try {
      KeyPair caKeys = keyPair();
      X500Name caName = new X500Name("CN=spark-k8s up --local CA " + serial().toString(16) + ",O=spark-k8s");
      Instant now = Instant.now();
      X509Certificate ca = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
          Date.from(now.plus(VALIDITY)), caName, caKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign)), caKeys);

      KeyPair serverKeys = keyPair();
      X509Certificate server = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minusSeconds(60)),
          Date.from(now.plus(VALIDITY)), new X500Name("CN=localhost"), serverKeys.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, LocalAddresses.LOOPBACK)})), caKeys);
      return new Issued(new Pem(pem(ca), pem(pkcs8(caKeys.getPrivate()))),
          new Pem(pem(server), pem(pkcs8(serverKeys.getPrivate()))));
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new LocalRuntimeException("cannot make the run's TLS certificates: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a certificate and a private key a user gave, refusing (naming the option) files that hold none, or a key
   * that is not the certificate's.
   */
  static Pem userPair(Path certificate, String certificateOption, Path key, String keyOption) {
    X509Certificate cert = readCertificate(certificate, certificateOption);
    PrivateKey privateKey = readPrivateKey(key, keyOption);
    if (!belongTogether(cert, privateKey)) {
      throw new LocalInputException(keyOption + " " + key + ": not the private key of the certificate in "
          + certificateOption + " " + certificate);
    }
    try {
      return new Pem(Files.readString(certificate), Files.readString(key));
    } catch (IOException e) {
      throw new LocalInputException(certificateOption + " " + certificate + ": " + e.getMessage());
    }
  }

  /** Whether the key signs what the certificate's public key verifies. */
  static boolean belongTogether(X509Certificate cert, PrivateKey key) {
    if (!cert.getPublicKey().getAlgorithm().equals(key.getAlgorithm())) {
      return false;
    }
    String algorithm = key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
    try {
      byte[] probe = new byte[32];
      RANDOM.nextBytes(probe);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(probe);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(cert.getPublicKey());
      verifier.update(probe);
      return verifier.verify(signature);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static X509Certificate readCertificate(Path file, String option) {
    Object pem = readPem(file, option);
    if (!(pem instanceof X509CertificateHolder holder)) {
      throw new LocalInputException(option + " " + file + ": no PEM certificate (-----BEGIN CERTIFICATE-----) in it");
    }
    try {
      return new JcaX509CertificateConverter().getCertificate(holder);
    } catch (GeneralSecurityException e) {
      throw new LocalInputException(option + " " + file + ": not a certificate Java can read: " + e.getMessage());
    }
  }

  private static PrivateKey readPrivateKey(Path file, String option) {
    Object pem = readPem(file, option);
    try {
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      if (pem instanceof PEMKeyPair pair) {
        return converter.getPrivateKey(pair.getPrivateKeyInfo());
      }
      if (pem instanceof PrivateKeyInfo info) {
        return converter.getPrivateKey(info);
      }
    } catch (IOException e) {
      throw new LocalInputException(option + " " + file + ": not a private key Java can read: " + e.getMessage());
    }
    throw new LocalInputException(option + " " + file + ": no unencrypted PEM private key in it");
  }

  private static Object readPem(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new LocalInputException(option + " " + file + ": no such file");
    }
    try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
      return parser.readObject();
    } catch (IOException e) {
      throw new LocalInputException(option + " " + file + ": not PEM: " + e.getMessage());
    }
  }

  private static KeyPair keyPair() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
      throws OperatorCreationException, GeneralSecurityException {
    return new JcaX509CertificateConverter()
        .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
  }

  /** PKCS#8 ("PRIVATE KEY"), which names the key's curve; OpenSSL cannot read the JDK's EC key as "EC PRIVATE KEY". */
  private static JcaPKCS8Generator pkcs8(PrivateKey key) throws IOException {
    return new JcaPKCS8Generator(key, null);
  }

  private static BigInteger serial() {
    return new BigInteger(64, RANDOM);
  }

  private static String pem(Object o) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(o);
    }
    return out.toString();
  }
}
