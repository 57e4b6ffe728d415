package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What images/Dockerfile does for spark.image.classDataArchive, run on the local Spark homes with this JDK:
 * images/class-data-archive.sh dumps an archive from the line's class list, and a JVM whose class path starts with
 * the jars, its configuration directory after them (the class path the chart gives the Connect server, drivers,
 * Standalone executors and daemons), maps Spark's classes from it. A Docker build itself is not run here.
 *
 * <p>With {@code -Dimage-class-lists.write=true} it first writes images/spark-&lt;line&gt;.classlist again from
 * {@link ClassDataTraining} (the classes a Connect server loads answering the platform's kinds of query): plain class
 * names, as every JDK from 11 reads them.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ImageClassDataArchiveTest {

  private static final boolean WRITE = Boolean.getBoolean("image-class-lists.write");

  @ParameterizedTest(name = "Spark {0}")
  @ValueSource(strings = {"3.5", "4.1"})
  void theImagesArchiveServesAClassPathThatStartsWithTheJars(String line, @TempDir Path dir) throws Exception {
    SparkHome home = SparkHome.built(line);
    Path classList = SparkHome.projectDir().resolve("images/spark-" + line + ".classlist");
    if (WRITE) {
      writeClassList(home, classList, Files.createDirectories(dir.resolve("training")));
    }
    assertThat(Files.readAllLines(classList)).as("%s names the Connect server's classes", classList)
        .contains("org/apache/spark/sql/connect/service/SparkConnectService",
            "org/apache/spark/deploy/SparkSubmit", "org/apache/spark/executor/Executor")
        .allSatisfy(name -> assertThat(name).matches("[\\w/$-]+"));

    Path archive = dir.resolve("cds/spark.jsa");
    ProcessBuilder script = new ProcessBuilder("sh", SparkHome.projectDir().resolve("images/class-data-archive.sh")
        .toString(), home.dir().toString(), classList.toString(), archive.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("dump.log").toFile());
    // The script takes the JDK from JAVA_HOME, as in the image: here the JDK that runs Spark.
    script.environment().put("JAVA_HOME", Path.of(SparkClassCommand.javaBinary()).getParent().getParent().toString());
    Process dump = script.start();
    assertThat(dump.waitFor()).as("images/class-data-archive.sh, its log:\n%s", LogTail.of(dir.resolve("dump.log"), 20))
        .isZero();

    Path conf = Files.createDirectories(dir.resolve("conf"));
    Files.writeString(conf.resolve("spark-defaults.conf"), "spark.app.name image-archive\n");
    Path loaded = dir.resolve("class-load.log");
    List<String> java = new ArrayList<>(List.of(SparkClassCommand.javaBinary(), "-XX:SharedArchiveFile=" + archive,
        "-Xshare:on", "-Xlog:class+load=info:file=" + loaded, "-cp", home.jars() + "/*:" + conf,
        "org.apache.spark.deploy.SparkSubmit", "--version"));
    Process jvm = new ProcessBuilder(java).redirectErrorStream(true).redirectOutput(dir.resolve("jvm.log").toFile()).start();
    assertThat(jvm.waitFor()).as("the JVM with -Xshare:on, its log:\n%s", LogTail.of(dir.resolve("jvm.log"), 20)).isZero();
    assertThat(Files.readAllLines(loaded)).as("how SparkSubmit was loaded")
        .anySatisfy(l -> assertThat(l).contains("org.apache.spark.deploy.SparkSubmit source: shared objects file"));
  }

  private static void writeClassList(SparkHome home, Path classList, Path work) throws IOException {
    Path raw = work.resolve("loaded.classlist");
    ClassDataTraining.run(home, work, List.of("-Xshare:off", "-XX:DumpLoadedClassList=" + raw));
    Set<String> names = new LinkedHashSet<>();
    for (String entry : Files.readAllLines(raw)) {
      // Lambda forms and proxies (@...) and the ids and sources of a JDK's own format are left out.
      if (!entry.isBlank() && !entry.startsWith("#") && !entry.startsWith("@")) {
        names.add(entry.split(" ", 2)[0]);
      }
    }
    Files.write(classList, names);
  }
}
