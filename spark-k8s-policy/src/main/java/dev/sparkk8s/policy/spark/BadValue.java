package dev.sparkk8s.policy.spark;

/** A Spark property whose value Spark would reject. */
final class BadValue extends RuntimeException {

  final String key;

  BadValue(String key, String message) {
    super(message);
    this.key = key;
  }
}
