package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A process's own configuration directory moves behind the jars only when both orders find the same: a compliant
 * directory (files no jar has at its root) is reordered, and each test changes one thing that makes the order matter.
 */
class JarsFirstClassPathTest {

  private static final Set<String> JAR_ROOT_FILES = Set.of("core-default.xml", "LICENSE");

  @TempDir
  Path dir;
  private Path conf;
  private String jars;

  @BeforeEach
  void ownConfiguration() throws Exception {
    conf = Files.createDirectories(dir.resolve("instances/connect/spark-conf"));
    Files.writeString(conf.resolve("spark-defaults.conf"), "spark.app.name x\n");
    Files.writeString(conf.resolve("log4j2.properties"), "rootLogger.level = info\n");
    jars = dir.resolve("jars") + "/*";
  }

  private static List<String> command(String classPath) {
    return List.of("java", "-Xmx1g", "-cp", classPath, "org.apache.spark.deploy.SparkSubmit", "--class", "Main");
  }

  @Test
  void aConfigurationDirectoryOfPlainFilesGoesBehindTheJars() {
    assertThat(JarsFirstClassPath.of(command(conf + "/:" + jars), JAR_ROOT_FILES))
        .isEqualTo(command(jars + ":" + conf + "/"));
  }

  @Test
  void aFileNamedLikeOneAtTheRootOfAJarKeepsTheOrder() throws Exception {
    Files.writeString(conf.resolve("core-default.xml"), "<configuration/>\n");

    assertThat(JarsFirstClassPath.of(command(conf + "/:" + jars), JAR_ROOT_FILES)).isEqualTo(command(conf + "/:" + jars));
  }

  @Test
  void aSubdirectoryKeepsTheOrder() throws Exception {
    Files.createDirectories(conf.resolve("templates"));

    assertThat(JarsFirstClassPath.of(command(conf + "/:" + jars), JAR_ROOT_FILES)).isEqualTo(command(conf + "/:" + jars));
  }

  @Test
  void aClassPathThatStartsWithTheJarsIsLeftAsItIs() {
    assertThat(JarsFirstClassPath.of(command(jars + ":" + conf), JAR_ROOT_FILES)).isEqualTo(command(jars + ":" + conf));
  }

  @Test
  void aClassPathOfDirectoriesOnlyIsLeftAsItIs() {
    assertThat(JarsFirstClassPath.of(command(conf.toString()), JAR_ROOT_FILES)).isEqualTo(command(conf.toString()));
  }
}
