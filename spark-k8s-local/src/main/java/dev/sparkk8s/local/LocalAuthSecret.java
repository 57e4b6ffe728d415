package dev.sparkk8s.local;

import dev.sparkk8s.render.RenderedRelease;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The Secret with Spark's shared authentication secret ({@code security.authenticate}) that a cluster's
 * namespace would hold: for a run, the runtime makes one, a random value kept in {@code <run dir>/auth/secret}
 * (readable by the user only) so that restarted processes get the same, under the name and key the release's
 * pods read it from ({@value #ENV}).
 */
final class LocalAuthSecret {

  /** The variable Spark reads the shared secret from. */
  static final String ENV = "_SPARK_AUTH_SECRET";

  private LocalAuthSecret() {
  }

  /** Where the release's containers read the shared secret from, if any does. */
  static Optional<SecretKeySelector> reference(RenderedRelease release) {
    return ChartContainer.of(release).stream()
        .flatMap(c -> c.container().getEnv() == null ? java.util.stream.Stream.<EnvVar>empty() : c.container().getEnv().stream())
        .filter(e -> ENV.equals(e.getName()) && e.getValueFrom() != null)
        .map(e -> e.getValueFrom().getSecretKeyRef()).filter(Objects::nonNull).findFirst();
  }

  /** The run's Secret for that reference, its value made on first use. */
  static Secret secret(Path runDir, SecretKeySelector reference) {
    return new SecretBuilder().withNewMetadata().withName(reference.getName()).endMetadata()
        .addToStringData(reference.getKey(), value(runDir)).build();
  }

  private static String value(Path runDir) {
    Path file = runDir.resolve("auth").resolve("secret");
    try {
      if (!Files.isRegularFile(file)) {
        Files.createDirectories(file.getParent());
        OwnerOnlyFiles.write(file, OwnerOnlyFiles.randomHex(32));
      }
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot keep the run's authentication secret in " + file + ": " + e.getMessage(), e);
    }
  }
}
