package dev.sparkk8s.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The expected answers, checked by hand on a table small enough to count. */
class ExpectedAnswersTest {

  @Test
  void smallTableByHand() {
    // ids 0..19, customers 0..3: amount = (7 * id) % 100
    ExpectedAnswers e = new ExpectedAnswers(20, 4);
    long total = 0;
    for (long id = 0; id < 20; id++) {
      total += (id * 7) % 100;
    }
    // amounts < 10 for id in 0..19: id 0 (0), id 1 (7), id 15 (105 % 100 = 5)
    assertThat(e.of(QueryType.SCAN)).containsExactly(List.of(3L, 12L));
    assertThat(e.of(QueryType.WRITE)).containsExactly(List.of(4L, total));
    // 4 customers with 5 rows each: row_number sums 15 each
    assertThat(e.of(QueryType.WINDOW)).containsExactly(List.of(20L, 60L));
    assertThat(e.of(QueryType.JOIN)).extracting(row -> row.get(1)).containsExactly(5L, 5L, 5L, 5L);
    assertThat(e.of(QueryType.AGGREGATE)).hasSize(7);
  }
}
