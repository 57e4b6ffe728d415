package dev.sparkk8s.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The class path bin/spark-k8s runs the CLI with ({@code target/lib}, made by mvn package) holds no test
 * library: not the Kubernetes test kit, its mock API server, JUnit or AssertJ.
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ShippedClassPathIT {

  private static final List<String> TEST_LIBRARIES = List.of("spark-k8s-kube-harness", "kubernetes-server-mock",
      "mockwebserver", "junit", "opentest4j", "assertj");

  @Test
  void theShippedClassPathHoldsNoTestLibrary() throws IOException {
    Path lib = Cli.repoChart().getParent().getParent().resolve("spark-k8s-cli/target/lib");
    List<String> jars;
    try (Stream<Path> files = Files.list(lib)) {
      jars = files.map(p -> p.getFileName().toString()).toList();
    }

    assertThat(jars).as("the CLI's own libraries (e2e needs the Kubernetes client)")
        .anyMatch(j -> j.startsWith("spark-k8s-local")).anyMatch(j -> j.startsWith("picocli"))
        .anyMatch(j -> j.startsWith("kubernetes-client-7")).anyMatch(j -> j.startsWith("kubernetes-httpclient-jdk"));
    assertThat(jars).noneMatch(j -> TEST_LIBRARIES.stream().anyMatch(j::startsWith));
  }
}
