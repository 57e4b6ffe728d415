package dev.sparkk8s.local;

import dev.sparkk8s.render.ChartRenderer;
import dev.sparkk8s.render.RenderRequest;
import dev.sparkk8s.render.RenderedRelease;

/**
 * Renders the chart as the local platform runs it: the user's inputs (on the development preset
 * unless another is named), then what a single machine needs — the standalone backend with its own
 * cluster, one executor per worker, the Connect jar taken from the local Spark
 * home (as from an image), and an event log on a shared volume read by a History Server.
 */
public final class LocalChart {

  /** The claim name standing for the event-log volume; locally it is a directory of the run. */
  static final String EVENTS_CLAIM = "local-spark-events";

  /** The preset {@code up --local} starts from when none is named: a small cluster for small data. */
  public static final String DEFAULT_PRESET = "development";

  private LocalChart() {
  }

  static RenderedRelease render(LocalOptions options) {
    RenderRequest.Builder request = RenderRequest.builder().release("local")
        .preset(options.preset() == null ? DEFAULT_PRESET : options.preset());
    options.valuesFiles().forEach(request::valuesFile);
    options.sets().forEach(request::setArgument);
    request.set("spark.version", options.sparkVersion())
        .set("spark.connect.enabled", "true")
        .set("spark.connect.mode.k8s.backend", "standalone")
        .set("spark.standalone.masterUrl", "")
        .set("spark.connect.serverJarSource", "image")
        .set("spark.eventLog.enabled", "true")
        .set("spark.eventLog.existingClaim", EVENTS_CLAIM)
        .set("spark.historyServer.enabled", "true");
    if (options.workers() != null) {
      request.set("spark.standalone.worker.replicas", options.workers().toString())
          .set("spark.executor.instances", options.workers().toString());
    }
    if (options.connectPort() != null) {
      request.set("spark.connect.port", options.connectPort().toString());
    }
    ChartRenderer renderer = options.chartDir() == null ? ChartRenderer.bundled() : new ChartRenderer(options.chartDir());
    return renderer.render(request.build());
  }
}
