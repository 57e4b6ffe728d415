package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The local runtime finds the chart's launch wrapper in every container it runs, and runs nothing without it. */
class LaunchWrapperTest {

  @ParameterizedTest
  @ValueSource(strings = {"3.5", "4.1"})
  void everyLocalProcessStartsThroughTheSameWrapper(String sparkVersion) {
    List<ChartContainer> containers = RenderedContainers.of(sparkVersion);
    assertThat(containers).extracting(ChartContainer::component)
        .contains(Component.MASTER, Component.WORKER, Component.HISTORY, Component.CONNECT);

    List<LaunchWrapper> launches = containers.stream().map(RenderedContainers::launchWrapper).toList();

    assertThat(launches).extracting(LaunchWrapper::wrapper).containsOnly(launches.get(0).wrapper());
    assertThat(launches.get(0).wrapper()).hasSize(4).startsWith("/bin/bash", "-c").endsWith("spark-k8s-launch");
    assertThat(launches).extracting(l -> l.command().get(0))
        .containsOnly("/opt/spark/bin/spark-class", "/opt/spark/bin/spark-submit");
  }

  @Test
  void aContainerWithoutTheWrapperIsRefusedByName() {
    var container = new ContainerBuilder().withName("spark-master").withCommand("/opt/spark/bin/spark-class").build();
    var pod = new PodTemplateSpecBuilder().withNewSpec().withContainers(container).endSpec().build();

    assertThatThrownBy(() -> LaunchWrapper.of(new ChartContainer(Component.MASTER, "master", pod, container), w -> w))
        .isInstanceOf(LocalRuntimeException.class)
        .hasMessageStartingWith("master: the local runtime runs containers started through the chart's launch wrapper")
        .hasMessageContaining("[/opt/spark/bin/spark-class]");
  }

  @Test
  void commandWordsAreExpandedAsTheKubeletExpandsThem() {
    Map<String, String> env = Map.of("POD_IP", "127.0.0.1");

    assertThat(ContainerEnv.expand("$(POD_IP) $$ $$(POD_IP) $(UNSET) `id -u` ${HOME}", env))
        .isEqualTo("127.0.0.1 $ $(POD_IP) $(UNSET) `id -u` ${HOME}");
  }
}
