package dev.sparkk8s.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SparkK8sExceptionTest {

  @Test
  void linesAreTheMessagesNonBlankLinesStripped() {
    SparkK8sException e = new SparkK8sException(ExitCode.CHECK_FAILED, "first\n\n  second  \n");
    assertThat(e.lines()).containsExactly("first", "second");
    assertThat(e.detail()).isEmpty();
    assertThat(e.exitCode()).isEqualTo(ExitCode.CHECK_FAILED);
  }

  @Test
  void noMessageIsNoLines() {
    assertThat(new SparkK8sException(ExitCode.UNAVAILABLE, null).lines()).isEmpty();
  }
}
