package dev.sparkk8s.jobs.testing;

import dev.sparkk8s.jobs.profile.JobProfile;
import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.contract.ChartConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;

/** The job profile of the repository's chart, rendered in-process. */
public final class RenderedProfiles {

  private static final ChartRenderer RENDERER = new ChartRenderer(chart());

  private RenderedProfiles() {
  }

  /** The profile ConfigMap of a release rendered with spark.jobs on and these {@code --set} pairs. */
  public static ConfigMap configMap(String... sets) {
    RenderRequest.Builder request = RenderRequest.builder().setArgument("spark.jobs.enabled=true");
    for (String set : sets) {
      request.setArgument(set);
    }
    return RENDERER.render(request.build()).objects(ConfigMap.class).stream().filter(ChartConfigMap.JOB_PROFILE::is)
        .findFirst().orElseThrow(() -> new AssertionError("no job profile rendered"));
  }

  public static JobProfile profile(String... sets) {
    return JobProfile.of(configMap(sets));
  }

  private static Path chart() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("charts/spark-k8s/Chart.yaml"))) {
        return dir.resolve("charts/spark-k8s");
      }
    }
    throw new IllegalStateException("charts/spark-k8s not found above " + Path.of("").toAbsolutePath());
  }
}
