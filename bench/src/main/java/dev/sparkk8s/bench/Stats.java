package dev.sparkk8s.bench;

import java.util.List;

/** The few statistics the benchmarks report. */
final class Stats {

  private Stats() {
  }

  static double median(List<? extends Number> values) {
    double[] v = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    int n = v.length;
    return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
  }

  static double mean(List<? extends Number> values) {
    return values.stream().mapToDouble(Number::doubleValue).average().orElse(0);
  }

  static String seconds(double ms) {
    return String.format("%.1f s", ms / 1000);
  }

  static String ratio(double r) {
    return String.format("%.2f", r);
  }
}
