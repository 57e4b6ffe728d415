package dev.sparkk8s.connect.queries;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnswerTest {

  @Test
  void integralNumbersOfAnyWidthAreTheSameValue() {
    assertThat(Answer.row(42L, 1.5).problem(List.of(List.of(42, 1.5f)))).isNull();
    assertThat(Answer.row(new BigDecimal("1.50")).problem(List.of(List.of(new BigDecimal("1.5"))))).isNull();
  }

  @Test
  void aWrongValueAMissingRowAndAnotherOrderAreProblems() {
    assertThat(Answer.row(4950L).problem(List.of(List.of(4951L)))).isEqualTo("expected [[4950]] but got [[4951]]");
    assertThat(Answer.inOrder(List.of(List.of(1L), List.of(2L))).problem(List.of(List.of(1L)))).isNotNull();
    assertThat(Answer.inOrder(List.of(List.of(1L), List.of(2L))).problem(List.of(List.of(2L), List.of(1L))))
        .isNotNull();
    assertThat(Answer.none().problem(List.of(List.of(1L)))).isNotNull();
  }

  @Test
  void rowsInAnyOrderAndNulls() {
    Answer any = Answer.inAnyOrder(List.of(Arrays.asList(1L, null), Arrays.asList(2L, "b")));
    assertThat(any.problem(List.of(Arrays.asList(2, "b"), Arrays.asList(1, null)))).isNull();
    assertThat(any.problem(List.of(Arrays.asList(2, "b"), Arrays.asList(2, "b")))).isNotNull();
  }

  @Test
  void longAnswersAreShortenedInTheProblem() {
    List<List<Object>> many = java.util.stream.LongStream.range(0, 25).mapToObj(i -> List.<Object>of(i)).toList();
    assertThat(Answer.inOrder(many).problem(List.of())).endsWith("and 15 more rows but got []");
  }
}
