package dev.sparkk8s.local;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.ChartLabels;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders the chart as the local platform runs it: the user's values (on the development preset unless another
 * is named), with the chart's {@value #LOCAL_VALUES} after the user's values files — what a single machine needs:
 * the standalone backend with its own cluster, the Connect jar taken from the local Spark home (as from an
 * image), and an event log on a shared volume read by a History Server — then the per-run flags.
 */
public final class LocalChart {

  /** What {@code up --local} sets for one machine, a values file in the chart. */
  public static final String LOCAL_VALUES = "ci/local-values.yaml";

  /** What {@code up --local --monitoring} adds after {@value #LOCAL_VALUES}, a values file in the chart. */
  public static final String LOCAL_MONITORING_VALUES = "ci/local-monitoring-values.yaml";

  /** What {@code up --local --auth} adds after {@value #LOCAL_VALUES}: TLS and a token for Spark Connect, a values file in the chart. */
  public static final String LOCAL_AUTH_VALUES = "ci/local-auth-values.yaml";

  /** The preset {@code up --local} starts from when none is named: a small cluster for small data. */
  public static final String DEFAULT_PRESET = "development";

  static final String RELEASE = "local";

  private LocalChart() {
  }

  static RenderedRelease render(LocalOptions options) {
    return render(options, Map.of());
  }

  /** @param runValues what the run itself sets after the flags (the embedded S3 server's address) */
  static RenderedRelease render(LocalOptions options, Map<String, String> runValues) {
    ChartRenderer renderer = options.chartDir() == null ? ChartRenderer.bundled() : new ChartRenderer(options.chartDir());
    RenderRequest.Builder request = request(options, renderer.chartDir());
    runValues.forEach(request::set);
    RenderedRelease release = renderer.render(request.build());
    requireStandaloneCluster(release);
    refuseImageClassDataArchive(release);
    return release;
  }

  /**
   * {@code helm template local CHART -f presets/<preset>.yaml [-f FILE...] -f ci/local-values.yaml
   * [-f ci/local-monitoring-values.yaml] [-f ci/local-auth-values.yaml] [--set ...] --set spark.version=<--spark>}, then {@code --workers} and
   * {@code --connect-port} as {@code --set}.
   */
  static RenderRequest.Builder request(LocalOptions options, Path chartDir) {
    Path localValues = chartFile(chartDir, LOCAL_VALUES);
    UserValues values = options.values().withDefaultPreset(DEFAULT_PRESET).withValuesFile(localValues);
    if (options.monitoring()) {
      values = values.withValuesFile(chartFile(chartDir, LOCAL_MONITORING_VALUES));
    }
    if (options.connectAuth().enabled()) {
      values = values.withValuesFile(chartFile(chartDir, LOCAL_AUTH_VALUES));
    }
    RenderRequest.Builder request = RenderRequest.builder().release(RELEASE).values(values)
        .set("spark.version", options.sparkVersion());
    if (options.workers() != null) {
      request.set("spark.standalone.worker.replicas", options.workers().toString())
          .set("spark.executor.instances", options.workers().toString());
    }
    if (options.connectPort() != null) {
      request.set("spark.connect.port", options.connectPort().toString());
    }
    return request;
  }

  private static Path chartFile(Path chartDir, String file) {
    Path path = chartDir.resolve(file);
    if (!Files.isRegularFile(path)) {
      throw new LocalInputException(chartDir + " has no " + file + ", the values up --local runs the chart with");
    }
    return path;
  }

  /**
   * An image's class-data archive (spark.image.classDataArchive, which gives the daemons its options) is not in the
   * local Spark home that stands for the image; the local runtime makes and maps the home's own.
   */
  private static void refuseImageClassDataArchive(RenderedRelease release) {
    boolean imageArchive = ChartContainer.of(release).stream()
        .flatMap(c -> c.container().getEnv() == null ? Stream.empty() : c.container().getEnv().stream())
        .anyMatch(e -> "SPARK_DAEMON_JAVA_OPTS".equals(e.getName()) && e.getValue() != null
            && e.getValue().contains("-XX:SharedArchiveFile="));
    if (imageArchive) {
      throw new LocalInputException("spark.image.classDataArchive: up --local runs the local Spark home, which has "
          + "its own class-data archive (made by the first up); leave it empty here (--set spark.image.classDataArchive=)");
    }
  }

  /** The local runtime runs a Connect server on the release's own Standalone master and workers, nothing else. */
  private static void requireStandaloneCluster(RenderedRelease release) {
    String backend = release.objects(ConfigMap.class).stream().filter(Component.SPARK_CONF::labels).findFirst()
        .map(cm -> cm.getMetadata().getAnnotations() == null ? null
            : cm.getMetadata().getAnnotations().get(ChartLabels.BACKEND_ANNOTATION))
        .orElse("operator");
    String problem = release.withComponent(Component.CONNECT).isEmpty() ? "render no Connect server (spark.connect.enabled)"
        : !backend.equals("standalone") ? "select the " + backend + " backend (spark.connect.mode.k8s.backend)"
        : release.withComponent(Component.MASTER).isEmpty()
            ? "point the Connect server at an external master (spark.standalone.masterUrl)"
        : null;
    if (problem != null) {
      throw new LocalInputException("up --local runs the Connect server on its own Standalone master and workers ("
          + LOCAL_VALUES + " in the chart); the values given " + problem);
    }
  }
}
