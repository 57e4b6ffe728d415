package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LocalPortsTest {

  @Test
  void aPlatformOfItsOwnGetsTheContainerPortWhenItIsFree() {
    int free = LocalPorts.ephemeral().any();
    assertThat(LocalPorts.preferringContainerPorts().near(free)).isEqualTo(free);
  }

  @Test
  void aPlatformThatMayRunNextToOthersNeverGetsTheContainerPort() {
    // Below Linux's ephemeral range, so the kernel cannot hand it out by chance.
    int free = 20000;
    while (!LocalPorts.isFree(free)) {
      free++;
    }
    assertThat(LocalPorts.ephemeral().near(free)).isNotEqualTo(free);
  }

  @Test
  void aPortIsHandedOutOnce() {
    LocalPorts ports = LocalPorts.preferringContainerPorts();
    int free = ports.any();
    assertThat(ports.near(free)).isNotEqualTo(free);
  }
}
