package dev.sparkk8s.connect.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The load scenarios' answers, checked by hand on a table small enough to count. */
class SalesQueriesTest {

  @Test
  void smallTableByHand() {
    // ids 0..19, customers 0..3: amount = (7 * id) % 100
    SalesQueries q = new SalesQueries(20, 4);
    long total = 0;
    for (long id = 0; id < 20; id++) {
      total += (id * 7) % 100;
    }
    // amounts < 10 for id in 0..19: id 0 (0), id 1 (7), id 15 (105 % 100 = 5)
    assertThat(q.scan().answer().rows()).containsExactly(List.of(3L, 12L));
    assertThat(q.readBack("/x").answer().rows()).containsExactly(List.of(4L, total));
    // 4 customers with 5 rows each: row_number sums 15 each
    assertThat(q.window().answer().rows()).containsExactly(List.of(20L, 60L));
    assertThat(q.join().answer().rows()).extracting(row -> row.get(1)).containsExactly(5L, 5L, 5L, 5L);
    assertThat(q.aggregate().answer().rows()).hasSize(7);
  }

  @Test
  void theGeneratorsFormulasAreTheOnesTheAnswersUse() {
    assertThat(SalesQueries.salesColumns(4)).containsExactly("id", "id % 4 AS customer_id", "(id * 7) % 100 AS amount",
        "id % 365 AS day");
    assertThat(SalesQueries.customersColumns()).containsExactly("id AS customer_id", "id % 5 AS region");
  }
}
