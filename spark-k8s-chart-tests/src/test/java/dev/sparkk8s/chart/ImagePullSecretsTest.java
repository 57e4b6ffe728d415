package dev.sparkk8s.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pod the release runs pulls with each of spark.imagePullSecrets once: Spark appends
 * {@code spark.kubernetes.container.image.pullSecrets} to the pods it builds after their template's, so a secret
 * in both places is listed twice.
 */
class ImagePullSecretsTest {

  static Stream<RenderCase> cases() {
    return RenderCase.matrix().filter(c -> c.preset() == null && "restricted".equals(c.profile()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachPodHasEachPullSecretOnce(RenderCase c) {
    List<String> sets = new ArrayList<>(List.of(c.sets()));
    sets.add("spark.imagePullSecrets[0]=regcred");
    sets.add("spark.imagePullSecrets[1]=mirror");
    sets.add("spark.standalone.enabled=true");
    ReleaseView view = new ReleaseView(ChartFixture.render(sets.toArray(String[]::new)));

    List<RunningPod> pods = RunningPod.of(view);
    assertThat(pods).extracting(RunningPod::component).contains("connect", "master", "worker");
    if (!"standalone".equals(c.backend())) {
      assertThat(pods).extracting(RunningPod::component).contains("executor");
    }
    for (RunningPod pod : pods) {
      assertThat(pod.imagePullSecrets()).as(pod.toString()).containsExactly("regcred", "mirror");
    }
  }
}
