package dev.sparkk8s.policy.spark;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spark's size strings ({@code 512m}, {@code 2g}, {@code 1024}): a whole number with an optional suffix
 * b, k/kb, m/mb, g/gb, t/tb, p/pb, any case. A bare number is in the key's default unit.
 */
final class SparkSize {

  static final long BYTE = 1L;
  static final long MIB = 1L << 20;
  private static final Pattern SIZE = Pattern.compile("([0-9]+)([a-z]+)?");
  private static final Map<String, Long> SUFFIXES = Map.ofEntries(
      Map.entry("b", 1L), Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10), Map.entry("m", MIB),
      Map.entry("mb", MIB), Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30), Map.entry("t", 1L << 40),
      Map.entry("tb", 1L << 40), Map.entry("p", 1L << 50), Map.entry("pb", 1L << 50));

  private SparkSize() {
  }

  /** Bytes; a bare number counts {@code defaultUnit} bytes. */
  static long bytes(String key, String value, long defaultUnit) {
    Matcher m = SIZE.matcher(value.trim().toLowerCase(Locale.ROOT));
    if (!m.matches() || (m.group(2) != null && !SUFFIXES.containsKey(m.group(2)))) {
      throw new BadValue(key, key + " " + value + " is not a Spark size (a whole number with b, k, m, g or t)");
    }
    long unit = m.group(2) == null ? defaultUnit : SUFFIXES.get(m.group(2));
    try {
      return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
    } catch (ArithmeticException | NumberFormatException e) {
      throw new BadValue(key, key + " " + value + " is too large");
    }
  }

  /** Whole MiB, rounded down as Spark rounds. */
  static long mib(String key, String value, long defaultUnit) {
    return bytes(key, value, defaultUnit) / MIB;
  }
}
