package dev.sparkk8s.connect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConnectSessionsTest {

  @Test
  void versionsCompareByLineThenRelease() {
    int[] planCompression = {4, 1};
    assertThat(ConnectSessions.atLeast("3.5.5", planCompression)).isFalse();
    assertThat(ConnectSessions.atLeast("4.0.1", planCompression)).isFalse();
    assertThat(ConnectSessions.atLeast("4.1.1", planCompression)).isTrue();
    assertThat(ConnectSessions.atLeast("4.1.0-SNAPSHOT", planCompression)).isTrue();
    assertThat(ConnectSessions.atLeast("10.0", planCompression)).isTrue();
  }
}
