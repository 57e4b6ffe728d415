package dev.sparkk8s.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local job's application: a file of this machine as a path, file:// or local://, handed to Spark as file:. */
class LocalAppTest {

  @TempDir
  Path dir;

  @Test
  void aPathFileOrLocalUriOfAFileHereIsItsFileUri() throws IOException {
    Path jar = Files.writeString(dir.resolve("pi.jar"), "jar");
    String uri = jar.toUri().toString();
    assertThat(LocalApp.uri(jar.toString())).isEqualTo(uri);
    assertThat(LocalApp.uri("file://" + jar)).isEqualTo(uri);
    assertThat(LocalApp.uri("local://" + jar)).isEqualTo(uri);
  }

  @Test
  void whatIsNotAReadableFileHereIsRefusedNamingIt() {
    assertRefused(dir.resolve("missing.jar").toString(), "APP " + dir.resolve("missing.jar") + ": no readable file");
    assertRefused("local://" + dir, "APP local://" + dir + ": no readable file");
    assertRefused("s3a://bucket/pi.jar", "APP s3a://bucket/pi.jar: on the local platform give a file of this machine");
    assertRefused("https://example.com/pi.jar", "APP https://example.com/pi.jar: on the local platform");
  }

  private static void assertRefused(String app, String message) {
    assertThatThrownBy(() -> LocalApp.uri(app)).isInstanceOfSatisfying(SparkK8sException.class, e -> {
      assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
      assertThat(e.lines()).singleElement().asString().startsWith(message);
    });
  }
}
