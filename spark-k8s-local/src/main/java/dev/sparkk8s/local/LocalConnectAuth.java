package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.contract.Component;
import dev.sparkk8s.render.contract.ContainerNames;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The Secrets a cluster's namespace would hold for {@code security.connect} (the Connect server's TLS proxy): for a
 * run, a token and a TLS certificate for 127.0.0.1 signed by a CA made for the run (or the user's certificate and
 * key), kept in {@code <run dir>/connect-tls/} (keys and token readable by the user only), under the names and keys
 * the release's pods read them from.
 */
public final class LocalConnectAuth {

  static final String TOKEN_VARIABLE = "SPARK_CONNECT_AUTHENTICATE_TOKEN";
  private static final String DIR = "connect-tls";
  private static final String CA = "ca.crt";
  private static final String CERTIFICATE = "tls.crt";
  private static final String KEY = "tls.key";
  private static final String TOKEN = "token";

  /** Where the rendered proxy reads its TLS Secret and its token from. */
  public record References(String tlsSecret, SecretKeySelector token) {
  }

  private LocalConnectAuth() {
  }

  /** The proxy's Secret references, if the release renders the proxy. */
  public static Optional<References> references(RenderedRelease release) {
    return ChartContainer.of(release).stream().filter(c -> c.component() == Component.CONNECT)
        .flatMap(c -> c.sidecars().stream())
        .filter(c -> c.container().getName().equals(ContainerNames.CONNECT_PROXY)).findFirst()
        .map(c -> new References(tlsSecret(c), token(c.container())));
  }

  /**
   * Makes the run's token and TLS material, once per run directory: the user's certificate and key when given,
   * else a CA of the run's and a certificate it signs.
   */
  static void prepare(Path runDir, Optional<LocalTlsCertificates.Pem> users) {
    Path dir = runDir.resolve(DIR);
    try {
      dev.sparkk8s.render.FileTrees.deleteQuietly(dir);
      Files.createDirectories(dir);
      LocalTlsCertificates.Pem server;
      if (users.isPresent()) {
        server = users.get();
      } else {
        LocalTlsCertificates.Issued issued = LocalTlsCertificates.issue();
        Files.writeString(dir.resolve(CA), issued.ca().certificate());
        server = issued.server();
      }
      Files.writeString(dir.resolve(CERTIFICATE), server.certificate());
      OwnerOnlyFiles.write(dir.resolve(KEY), server.privateKey());
      OwnerOnlyFiles.write(dir.resolve(TOKEN), OwnerOnlyFiles.randomHex(32));
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot keep the run's Spark Connect TLS material in " + dir + ": "
          + e.getMessage(), e);
    }
  }

  /** The run's Secrets for those references, from what {@link #prepare} kept. */
  static List<Secret> secrets(Path runDir, References refs) {
    Path dir = runDir.resolve(DIR);
    Secret tls = new SecretBuilder().withNewMetadata().withName(refs.tlsSecret()).endMetadata()
        .withType("kubernetes.io/tls")
        .addToStringData(CERTIFICATE, read(dir.resolve(CERTIFICATE))).addToStringData(KEY, read(dir.resolve(KEY)))
        .build();
    Secret token = new SecretBuilder().withNewMetadata().withName(refs.token().getName()).endMetadata()
        .addToStringData(refs.token().getKey(), read(dir.resolve(TOKEN))).build();
    return refs.tlsSecret().equals(refs.token().getName())
        ? List.of(new SecretBuilder(tls).addToStringData(refs.token().getKey(), read(dir.resolve(TOKEN))).build())
        : List.of(tls, token);
  }

  /** The run's client token, if the run has the proxy. */
  public static Optional<String> token(Path runDir) {
    Path file = runDir.resolve(DIR).resolve(TOKEN);
    return Files.isRegularFile(file) ? Optional.of(read(file)) : Optional.empty();
  }

  /** The CA the run made for its certificate (none when the user gave one), for clients to trust. */
  public static Optional<Path> caCertificate(Path runDir) {
    Path file = runDir.resolve(DIR).resolve(CA);
    return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
  }

  private static String tlsSecret(ChartContainer proxy) {
    List<String> mounted = proxy.container().getVolumeMounts().stream().map(VolumeMount::getName).toList();
    return proxy.pod().getSpec().getVolumes().stream().filter(v -> mounted.contains(v.getName()))
        .map(Volume::getSecret).filter(Objects::nonNull).map(s -> s.getSecretName()).findFirst()
        .orElseThrow(() -> new LocalRuntimeException(ContainerNames.CONNECT_PROXY + " mounts no Secret (its TLS certificate)"));
  }

  private static SecretKeySelector token(Container proxy) {
    return proxy.getEnv().stream().filter(e -> e.getName().equals(TOKEN_VARIABLE)).map(EnvVar::getValueFrom)
        .filter(Objects::nonNull).map(v -> v.getSecretKeyRef()).filter(Objects::nonNull).findFirst()
        .orElseThrow(() -> new LocalRuntimeException(ContainerNames.CONNECT_PROXY + " reads no token from a Secret ("
            + TOKEN_VARIABLE + ")"));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot read " + file + ", kept for the run's Spark Connect proxy: "
          + e.getMessage(), e);
    }
  }
}
