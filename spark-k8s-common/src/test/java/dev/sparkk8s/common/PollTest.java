package dev.sparkk8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PollTest {

  private static final Poll FAST = Poll.every(Duration.ofMillis(1), Duration.ofSeconds(5));

  @Test
  void returnsTheFirstAnswer() {
    AtomicInteger calls = new AtomicInteger();
    Optional<Integer> answer = FAST.until(() -> calls.incrementAndGet() == 3 ? Optional.of(42) : Optional.empty());
    assertThat(answer).contains(42);
    assertThat(calls).hasValue(3);
  }

  @Test
  void givesUpWhenTheTimeRunsOut() {
    AtomicInteger calls = new AtomicInteger();
    boolean met = Poll.every(Duration.ofMillis(5), Duration.ofMillis(30)).until(() -> {
      calls.incrementAndGet();
      return false;
    });
    assertThat(met).isFalse();
    assertThat(calls.get()).isGreaterThan(1);
  }

  @Test
  void asksOnceMoreAtTheDeadline() {
    AtomicInteger calls = new AtomicInteger();
    boolean met = Poll.every(Duration.ofHours(1), Duration.ZERO).until(() -> calls.incrementAndGet() == 1);
    assertThat(met).isTrue();
  }

  @Test
  void anInterruptEndsTheWaitAndStaysSet() {
    Thread.currentThread().interrupt();
    long start = System.nanoTime();
    Poll.sleep(Duration.ofSeconds(10));
    assertThat(Thread.interrupted()).isTrue();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void anInterruptEndsThePoll() {
    AtomicInteger calls = new AtomicInteger();
    Thread.currentThread().interrupt();
    boolean met = Poll.every(Duration.ofMillis(1), Duration.ofMinutes(1)).until(() -> calls.incrementAndGet() < 0);
    assertThat(Thread.interrupted()).isTrue();
    assertThat(met).isFalse();
    assertThat(calls).hasValue(1);
  }
}
