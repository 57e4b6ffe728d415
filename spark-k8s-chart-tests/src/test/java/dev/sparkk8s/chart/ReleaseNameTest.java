package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.ValuesException;
import io.fabric8.kubernetes.api.model.Service;
import org.junit.jupiter.api.Test;

/** Service names must be DNS-1035 labels (start with a letter); object names start with the release name. */
class ReleaseNameTest {

  @Test
  void aReleaseNameStartingWithADigitIsRefusedNamingIt() {
    RenderRequest request = RenderRequest.builder().release("1st").build();

    assertThatThrownBy(() -> ChartFixture.render(request)).isInstanceOf(ValuesException.class)
        .hasMessageContaining("release name \"1st\"").hasMessageContaining("fullnameOverride")
        .hasMessageNotContaining("templates/");
  }

  @Test
  void fullnameOverrideRescuesSuchARelease() {
    RenderRequest request = RenderRequest.builder().release("1st").set("fullnameOverride", "first-spark").build();

    assertThat(ChartFixture.render(request).objects(Service.class)).isNotEmpty()
        .allSatisfy(s -> assertThat(s.getMetadata().getName()).startsWith("first-spark-"));
  }

  @Test
  void aFullnameOverrideStartingWithADigitIsRefusedNamingTheKey() {
    RenderRequest request = RenderRequest.builder().set("fullnameOverride", "9lives").build();

    assertThatThrownBy(() -> ChartFixture.render(request)).isInstanceOf(ValuesException.class)
        .hasMessageContaining("fullnameOverride");
  }

  @Test
  void aReleaseNameWithADigitInsideIsFine() {
    RenderRequest request = RenderRequest.builder().release("spark-2").build();

    assertThat(ChartFixture.render(request).objects(Service.class)).isNotEmpty();
  }
}
