package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A local restart lets a process stop within its pod's terminationGracePeriodSeconds, as a kubelet does. */
class TerminationGraceTest {

  @Test
  void theConnectServerGetsKubernetesDefaultWhenThePodSetsNone() {
    ChartContainer connect = RenderedContainers.of("4.1", Component.CONNECT);
    assertThat(connect.pod().getSpec().getTerminationGracePeriodSeconds()).isNull();

    assertThat(connect.terminationGrace()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aPodsOwnGracePeriodWins() {
    ChartContainer connect = RenderedContainers.of("4.1", Component.CONNECT);
    ChartContainer withGrace = new ChartContainer(connect.component(), connect.instance(),
        new PodTemplateSpecBuilder(connect.pod()).editSpec().withTerminationGracePeriodSeconds(90L).endSpec().build(),
        connect.container());

    assertThat(withGrace.terminationGrace()).isEqualTo(Duration.ofSeconds(90));
  }
}
