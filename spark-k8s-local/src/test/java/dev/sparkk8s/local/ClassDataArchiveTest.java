package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive's name follows the jars and the JDK, and failing to make one never stops a start.
 * (That a real archive is made and used by every JVM is checked by LocalPlatformIT.)
 */
class ClassDataArchiveTest {

  private static SparkHome home(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("jars"));
    Files.writeString(dir.resolve("jars/a.jar"), "not really a jar");
    return new SparkHome("4.1", dir);
  }

  @Test
  void aChangedJarGetsANewArchiveName(@TempDir Path dir) throws Exception {
    SparkHome home = home(dir);
    Path before = ClassDataArchive.of(home).file();
    assertThat(ClassDataArchive.of(home).file()).isEqualTo(before);
    Files.setLastModifiedTime(dir.resolve("jars/a.jar"), FileTime.fromMillis(0));
    assertThat(ClassDataArchive.of(home).file()).isNotEqualTo(before);
    assertThat(ClassDataArchive.of(home).file().getParent()).isEqualTo(dir.resolve("cds"));
  }

  @Test
  void withoutAnArchiveJvmsGetNoOptions(@TempDir Path dir) throws Exception {
    ClassDataArchive archive = ClassDataArchive.of(home(dir));
    assertThat(archive.exists()).isFalse();
    assertThat(archive.jvmOptions()).isEmpty();
    assertThat(archive.inheritedEnv("-Xss2m")).isEmpty();
    assertThat(archive.archived(List.of("java", "-cp", dir.resolve("jars") + "/*", "Main")))
        .containsExactly("java", "-cp", dir.resolve("jars") + "/*", "Main");
  }

  @Test
  void anArchiveIsMappedByEveryJvmAndInheritedByExecutors(@TempDir Path dir) throws Exception {
    ClassDataArchive archive = ClassDataArchive.of(home(dir));
    Files.createDirectories(archive.file().getParent());
    Files.writeString(archive.file(), "");
    assertThat(archive.jvmOptions()).containsExactly("-XX:SharedArchiveFile=" + archive.file(), "-Xshare:auto");
    assertThat(archive.inheritedEnv(null)).containsEntry("JAVA_TOOL_OPTIONS",
        "-XX:SharedArchiveFile=" + archive.file() + " -Xshare:auto");
    assertThat(archive.inheritedEnv("-Xss2m")).as("options the process had already are kept")
        .containsEntry("JAVA_TOOL_OPTIONS", "-Xss2m -XX:SharedArchiveFile=" + archive.file() + " -Xshare:auto");
  }

  @Test
  void aJvmWhoseClassPathStartsWithItsOwnConfigurationGetsNoArchive(@TempDir Path dir) throws Exception {
    ClassDataArchive archive = ClassDataArchive.of(home(dir));
    Files.createDirectories(archive.file().getParent());
    Files.writeString(archive.file(), "");
    Path emptyConf = Files.createDirectories(dir.resolve("conf"));
    Path ownConf = Files.createDirectories(dir.resolve("instances/connect/spark-conf"));
    Files.writeString(ownConf.resolve("spark-defaults.conf"), "spark.app.name x\n");
    String jars = dir.resolve("jars") + "/*";
    assertThat(archive.jvmOptionsFor(List.of("java", "-cp", emptyConf + ":" + jars, "Main")))
        .isEqualTo(archive.jvmOptions());
    assertThat(archive.jvmOptionsFor(List.of("java", "-cp", dir.resolve("missing") + ":" + jars, "Main")))
        .isEqualTo(archive.jvmOptions());
    assertThat(archive.jvmOptionsFor(List.of("java", "-cp", ownConf + ":" + jars, "Main"))).isEmpty();
  }

  @Test
  void aJvmStartedWithItsOwnConfigurationFirstIsServedWithTheJarsFirst(@TempDir Path dir) throws Exception {
    SparkHome home = home(dir);
    try (var jar = new java.util.jar.JarOutputStream(Files.newOutputStream(dir.resolve("jars/a.jar")))) {
      jar.putNextEntry(new java.util.jar.JarEntry("LICENSE"));
      jar.closeEntry();
    }
    ClassDataArchive archive = ClassDataArchive.of(home);
    Files.createDirectories(archive.file().getParent());
    Files.writeString(archive.file(), "");
    Path ownConf = Files.createDirectories(dir.resolve("instances/connect/spark-conf"));
    Files.writeString(ownConf.resolve("spark-defaults.conf"), "spark.app.name x\n");
    String jars = dir.resolve("jars") + "/*";

    List<String> served = archive.archived(List.of("java", "-cp", ownConf + ":" + jars, "Main"));

    assertThat(served).containsExactly("java", "-XX:SharedArchiveFile=" + archive.file(), "-Xshare:auto", "-cp",
        jars + ":" + ownConf, "Main");
  }

  @Test
  void aFailedTrainingRunIsReportedAndTheStartGoesOn(@TempDir Path dir) throws Exception {
    ClassDataArchive archive = ClassDataArchive.of(home(dir));
    List<String> said = new ArrayList<>();
    archive.ensure(said::add);
    assertThat(archive.exists()).isFalse();
    assertThat(said).hasSize(2);
    assertThat(said.get(1)).startsWith("No class-data archive (").endsWith("JVMs start without one.");
    try (var left = Files.list(archive.file().getParent())) {
      assertThat(left).as("training directories are removed").isEmpty();
    }
  }
}
