package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * images/Dockerfile adds the S3A jars the S3 tests ran on: those of the local Spark homes, for the Hadoop of
 * each line. 4.1: the same AWS SDK v2 modules, file for file; 3.5: the SDK v1 bundle of the version the
 * home's modules have.
 */
class ImageS3aJarsTest {

  private static final Pattern COORDINATE = Pattern.compile("([\\w.-]+):([\\w.-]+):([\\w.${}-]+)");

  @Test
  void sparkFourOneImageHasTheHomesS3aJarsFileForFile() throws IOException {
    Set<String> home = jars("4.1");
    String release = version(home, "spark-core_2.13");
    Set<String> image = imageJars("4.1", release);
    String sdk = version(home, "s3");

    assertThat(home).as("every jar the image adds is one the 4.1 home ran with").containsAll(image);
    Set<String> sdkJars = home.stream().filter(j -> j.endsWith("-" + sdk + ".jar")).collect(Collectors.toCollection(TreeSet::new));
    assertThat(sdkJars).as("the home's AWS SDK v2 modules").hasSizeGreaterThan(20);
    assertThat(image).as("the image adds every AWS SDK module of the home").containsAll(sdkJars)
        .contains("hadoop-aws-" + version(home, "hadoop-client-api") + ".jar", "spark-hadoop-cloud_2.13-" + release + ".jar",
            "s3-transfer-manager-" + sdk + ".jar")
        .noneMatch(j -> j.startsWith("bundle-"));
  }

  @Test
  void sparkThreeFiveImageHasHadoopAwsOfItsHadoopAndTheSdkBundleOfTheHomesVersion() throws IOException {
    Set<String> home = jars("3.5");
    String release = version(home, "spark-core_2.12");
    Set<String> image = imageJars("3.5", release);

    assertThat(image).containsExactlyInAnyOrder(
        "spark-connect_2.12-" + release + ".jar",
        "spark-hadoop-cloud_2.12-" + release + ".jar",
        "hadoop-aws-" + version(home, "hadoop-client-api") + ".jar",
        "wildfly-openssl-" + version(home, "wildfly-openssl") + ".jar",
        "aws-java-sdk-bundle-" + version(home, "aws-java-sdk-core") + ".jar");
    assertThat(home).contains("hadoop-aws-" + version(home, "hadoop-client-api") + ".jar",
        "spark-hadoop-cloud_2.12-" + release + ".jar", "aws-java-sdk-s3-" + version(home, "aws-java-sdk-core") + ".jar");
  }

  /** The jar file names the Dockerfile fetches for a line, {@code ${SPARK_RELEASE}} being the release. */
  private static Set<String> imageJars(String line, String release) throws IOException {
    String dockerfile = Files.readString(SparkHome.projectDir().resolve("images/Dockerfile"));
    Matcher branch = Pattern.compile(Pattern.quote(line) + "\\.\\*\\) jars=\"([^\"]*)\"").matcher(dockerfile);
    assertThat(branch.find()).as("images/Dockerfile has a jar list for %s", line).isTrue();
    Set<String> out = new TreeSet<>();
    Matcher m = COORDINATE.matcher(branch.group(1).replace("${SPARK_RELEASE}", release));
    while (m.find()) {
      out.add(m.group(2) + "-" + m.group(3) + ".jar");
    }
    return out;
  }

  private static Set<String> jars(String line) throws IOException {
    try (Stream<Path> files = Files.list(SparkHome.built(line).jars())) {
      return files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  /** The version of the one jar of this artifact in the home. */
  private static String version(Set<String> jars, String artifact) {
    Pattern name = Pattern.compile(Pattern.quote(artifact) + "-(\\d[\\w.]*)\\.jar");
    List<String> versions = jars.stream().map(name::matcher).filter(Matcher::matches).map(m -> m.group(1)).toList();
    assertThat(versions).as("versions of %s in the home", artifact).hasSize(1);
    return versions.get(0);
  }
}
