package dev.sparkk8s.cli;

import java.util.Set;
import java.util.TreeSet;

/** What {@code up} announced it would change ({@code +}, {@code -}, {@code ~} lines), against what did change. */
final class UpgradeDiffLines {

  private UpgradeDiffLines() {
  }

  /** The objects announced with that sign, e.g. {@code StatefulSet/spark-spark-k8s-master} for {@code +}. */
  static Set<String> announced(String out, String sign) {
    Set<String> objects = new TreeSet<>();
    out.lines().filter(l -> l.startsWith("  " + sign + " ")).forEach(l -> objects.add(l.substring(4)));
    return objects;
  }

  /** What {@code a} has and {@code b} has not. */
  static Set<String> difference(Set<String> a, Set<String> b) {
    Set<String> d = new TreeSet<>(a);
    d.removeAll(b);
    return d;
  }
}
