package dev.sparkk8s.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeySuggesterTest {

  private final List<String> keys = List.of("connect", "executor", "version", "history");

  @Test
  void suggestsTheClosestKey() {
    assertThat(KeySuggester.closest("conect", keys)).contains("connect");
    assertThat(KeySuggester.closest("exector", keys)).contains("executor");
    assertThat(KeySuggester.closest("verison", keys)).contains("version");
    assertThat(KeySuggester.closest("Version", keys)).contains("version");
  }

  @Test
  void suggestsNothingWhenNothingIsClose() {
    assertThat(KeySuggester.closest("foo", keys)).isEmpty();
    assertThat(KeySuggester.closest("storage", keys)).isEmpty();
  }

  @Test
  void distanceCountsAnAdjacentSwapAsOneEdit() {
    assertThat(KeySuggester.distance("sprak", "spark")).isEqualTo(1);
    assertThat(KeySuggester.distance("conect", "connect")).isEqualTo(1);
    assertThat(KeySuggester.distance("", "abc")).isEqualTo(3);
  }
}
