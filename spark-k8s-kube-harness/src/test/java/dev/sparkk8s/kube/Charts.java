package dev.sparkk8s.kube;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's chart, as the tests render it. */
final class Charts {

  private Charts() {
  }

  static Path chartDir() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("charts/spark-k8s/Chart.yaml"))) {
        return dir.resolve("charts/spark-k8s");
      }
    }
    throw new IllegalStateException("charts/spark-k8s not found");
  }
}
