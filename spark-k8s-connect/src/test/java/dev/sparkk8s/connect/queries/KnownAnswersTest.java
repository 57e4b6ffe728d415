package dev.sparkk8s.connect.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The catalogue's answers, against sums and counts worked out by hand. */
class KnownAnswersTest {

  @Test
  void firstQuerySumsARange() {
    KnownAnswerQuery q = KnownAnswers.firstQuery();
    assertThat(q.sql()).isEqualTo("SELECT sum(id) FROM range(100)");
    assertThat(q.answer().rows()).containsExactly(List.of(4950L));
    assertThat(KnownAnswers.rangeSum(100_000, 4).answer().rows()).containsExactly(List.of(4_999_950_000L));
  }

  @Test
  void deploymentQueries() {
    List<KnownAnswerQuery> queries = KnownAnswers.deploymentQueries("/tmp/it's");
    assertThat(queries).extracting(KnownAnswerQuery::name).containsExactly("aggregation over a range",
        "join with group-by", "window function", "Parquet write", "Parquet read back");
    assertThat(queries.get(0).answer().rows()).containsExactly(List.of(1_000_000L, 499_999_500_000L, 999_999L));
    // k = 0..4 joined: 100 ids each, 10 * (0 + 1 + ... + 99) + 100 k
    assertThat(queries.get(1).answer().rows()).containsExactly(List.of(0L, 100L, 49_500L), List.of(1L, 100L, 49_600L),
        List.of(2L, 100L, 49_700L), List.of(3L, 100L, 49_800L), List.of(4L, 100L, 49_900L));
    assertThat(queries.get(2).answer().rows()).extracting(r -> r.get(0))
        .containsExactly(0L, 1L, 2L, 4L, 6L, 9L, 12L, 16L, 20L, 25L);
    assertThat(queries.get(3).sql()).contains("'/tmp/its'");
    assertThat(queries.get(4).answer().rows()).containsExactly(List.of(1000L, 999_000L));
    assertThat(KnownAnswers.deploymentQueries(null)).hasSize(3);
  }

  @Test
  void slowQueries() {
    // ids 0..59: 59 * 60 / 2
    assertThat(KnownAnswers.slowSum(30, 300).answer().rows()).containsExactly(List.of(1770L, 60L));
    assertThat(KnownAnswers.slowSum(30, 300).sql()).contains("CAST(300 AS BIGINT)", "range(0, 60, 1, 30)");
    assertThat(KnownAnswers.sleepingRows(2, 10).answer().rows()).containsExactly(Arrays.asList(0L, "null"),
        Arrays.asList(1L, "null"), Arrays.asList(2L, "null"), Arrays.asList(3L, "null"));
  }
}
