package dev.sparkk8s.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Makes {@code --set} pairs safe to hand to helm-java.
 *
 * <p>The Helm CLI applies {@code --set} pairs in order, so {@code --set a.b=1 --set a=2} ends with
 * {@code a=2}. helm-java sends the pairs as one URL-encoded query that the Go side reads into a map
 * and applies in random order, and keeps one value per key. This class reduces an ordered list to
 * pairs whose order does not matter: a pair is dropped when a later pair sets the same key or a key
 * that contains it ({@code a} contains {@code a.b} and {@code a[0]}). A later pair below an earlier
 * one ({@code a=2} then {@code a.b=1}) is refused, as the Helm CLI refuses it when {@code a} is a
 * scalar.
 */
final class OrderedSets {

  private OrderedSets() {
  }

  static List<SetValue> resolve(List<SetValue> ordered) {
    List<SetValue> kept = new ArrayList<>();
    for (SetValue next : ordered) {
      for (SetValue earlier : kept) {
        if (isBelow(next.key(), earlier.key())) {
          throw new ValuesException("--set " + next.key() + ": conflicts with the earlier --set "
              + earlier.key() + " (set " + next.key() + " first, or only one of them)");
        }
      }
      kept.removeIf(earlier -> earlier.key().equals(next.key()) || isBelow(earlier.key(), next.key()));
      kept.add(next);
    }
    return kept;
  }

  /** Whether {@code key} names something inside {@code parent} ({@code a.b} or {@code a[0]} in {@code a}). */
  static boolean isBelow(String key, String parent) {
    return key.length() > parent.length() && key.startsWith(parent)
        && (key.charAt(parent.length()) == '.' || key.charAt(parent.length()) == '[')
        && !parent.endsWith("\\");
  }
}
