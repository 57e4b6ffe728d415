package dev.sparkk8s.render.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.TestCharts;
import org.junit.jupiter.api.Test;

/** The Connect port a client is forwarded to is the one the rendered Service targets. */
class ChartServicesTest {

  private final ChartRenderer renderer = new ChartRenderer(TestCharts.real());

  private int connectPort(RenderRequest request) {
    return ChartServices.targetPort(renderer.render(request), Component.CONNECT, PortNames.GRPC);
  }

  @Test
  void theConnectPortIsTheChartsOrTheOneSet() {
    assertThat(connectPort(RenderRequest.defaults())).isEqualTo(15002);
    assertThat(connectPort(RenderRequest.builder().set("spark.connect.port", "16123").build())).isEqualTo(16123);
  }

  @Test
  void aReleaseWithoutTheServiceSaysSo() {
    RenderedRelease none = renderer.render(RenderRequest.builder().set("spark.connect.enabled", "false")
        .set("spark.standalone.enabled", "true").build());

    assertThatThrownBy(() -> ChartServices.targetPort(none, Component.CONNECT, PortNames.GRPC))
        .hasMessage("the release renders 0 Service ports named grpc for component connect; expected one");
  }
}
