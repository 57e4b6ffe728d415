package dev.sparkk8s.connect.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The mix's answers on a size small enough to work out by hand. */
class WorkloadMixTest {

  private static final WorkloadMix.Size TINY = new WorkloadMix.Size(10, 200, 300, 14, 2);

  @Test
  void everyQueryHasAnAnswer() {
    List<KnownAnswerQuery> pass = WorkloadMix.pass(TINY, "/tmp/mix");
    assertThat(pass).extracting(KnownAnswerQuery::name).containsExactly("aggregation", "sort-merge join and group-by",
        "windows", "Parquet write", "Parquet read back");

    // sum, count, avg, max(id % 1000) of 0..9
    assertThat(pass.get(0).answer().rows()).containsExactly(List.of(45L, 10L, 4.5, 9L));
    // 200 ids in 100 groups: ids g and g + 100, v = 3 id
    assertThat(pass.get(1).answer().rows()).hasSize(100).contains(List.of(0L, 2L, 300L), List.of(99L, 2L, 3 * 298L));
    // 3 rows per group; each row carries its group's sum: sum(s) = 3 * sum(id)
    assertThat(pass.get(2).answer().rows()).containsExactly(List.of(3L, 3 * (299L * 300 / 2)));
    assertThat(pass.get(3).answer().rows()).isEmpty();
    // 14 ids in 7 keys: k and k + 7; the larger text wins ("row-7" > "row-0", "row-13" < "row-6")
    List<List<Object>> read = pass.get(4).answer().rows();
    assertThat(read).hasSize(7);
    assertThat(read.get(0)).containsExactly(0L, 2L, (0 + 7 * 2_654_435_761L % 1_000_003) / 2.0, "row-7");
    assertThat(read.get(6).get(3)).isEqualTo("row-6");
  }

  @Test
  void benchmarkAggregationIsExact() {
    KnownAnswerQuery q = WorkloadMix.pass(WorkloadMix.BENCHMARK, "/x").get(0);
    assertThat(q.sql()).isEqualTo("SELECT sum(id), count(*), avg(id), max(id % 1000) FROM range(0, 40000000, 1, 4)");
    assertThat(q.answer().rows()).containsExactly(List.of(799_999_980_000_000L, 40_000_000L, 19_999_999.5, 999L));
  }
}
