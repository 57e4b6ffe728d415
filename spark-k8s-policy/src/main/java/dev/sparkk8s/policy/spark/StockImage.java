package dev.sparkk8s.policy.spark;

import java.util.List;

/** The stock Apache Spark image (Docker Hub's {@code apache/spark} or {@code spark}): no hadoop-aws, no AWS SDK. */
final class StockImage {

  private static final List<String> REPOSITORIES = List.of("apache/spark", "spark");

  private StockImage() {
  }

  static boolean is(String image) {
    if (image == null) {
      return false;
    }
    String name = image.split("@", 2)[0];
    int tag = name.lastIndexOf(':');
    if (tag > name.lastIndexOf('/')) {
      name = name.substring(0, tag);
    }
    name = strip(strip(name, "docker.io/"), "library/");
    return REPOSITORIES.contains(name);
  }

  private static String strip(String s, String prefix) {
    return s.startsWith(prefix) ? s.substring(prefix.length()) : s;
  }
}
