package dev.sparkk8s.kube;

import dev.sparkk8s.common.Poll;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polling for a condition in tests, failing with what was awaited. */
final class Waits {

  private static final Duration POLL = Duration.ofMillis(250);

  private Waits() {
  }

  static void until(String what, BooleanSupplier condition) {
    until(what, Duration.ofMinutes(2), condition);
  }

  static void until(String what, Duration timeout, BooleanSupplier condition) {
    if (!Poll.every(POLL, timeout).until(condition)) {
      throw new AssertionError((Thread.currentThread().isInterrupted() ? "interrupted" : "timed out after "
          + timeout.toSeconds() + "s") + " waiting for " + what);
    }
  }
}
