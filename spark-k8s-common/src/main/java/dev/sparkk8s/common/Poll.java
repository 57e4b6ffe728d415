package dev.sparkk8s.common;

import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** The one wait loop: ask again every interval until there is an answer or the time is up. */
public final class Poll {

  private final Duration timeout;
  private final Duration interval;

  private Poll(Duration timeout, Duration interval) {
    this.timeout = timeout;
    this.interval = interval;
  }

  /** Polls every {@code interval} for at most {@code timeout}. */
  public static Poll every(Duration interval, Duration timeout) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive: " + interval);
    }
    return new Poll(timeout, interval);
  }

  /**
   * The first answer the probe gives, or empty when the time ran out first or the thread was
   * interrupted (the interrupt stays set for the caller).
   */
  public <T> Optional<T> until(Supplier<Optional<T>> probe) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<T> answer = probe.get();
      if (answer.isPresent()) {
        return answer;
      }
      long left = deadline - System.nanoTime();
      if (left <= 0 || Thread.currentThread().isInterrupted()) {
        return Optional.empty();
      }
      sleep(Duration.ofNanos(Math.min(left, interval.toNanos())));
    }
  }

  /** Whether the condition became true before the time ran out. */
  public boolean until(BooleanSupplier condition) {
    return until(() -> condition.getAsBoolean() ? Optional.of(Boolean.TRUE) : Optional.<Boolean>empty()).isPresent();
  }

  /**
   * Sleeps; an interrupt ends the sleep early and stays set on the thread, so the caller's loop
   * and the code above it see it.
   */
  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
