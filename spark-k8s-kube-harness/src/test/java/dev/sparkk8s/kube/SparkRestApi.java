package dev.sparkk8s.kube;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Spark's monitoring REST API on a running driver's web UI ({@code /api/v1}), for the one
 * application the driver runs: its jobs, stages (one entry per attempt), executors and environment.
 */
public final class SparkRestApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String application;

  private SparkRestApi(String application) {
    this.application = application;
  }

  /** The API of the application the driver whose UI is at {@code uiUrl} runs. */
  public static SparkRestApi of(String uiUrl) {
    String base = uiUrl.replaceAll("/+$", "") + "/api/v1/applications";
    String id = get(base).path(0).path("id").asText();
    if (id.isEmpty()) {
      throw new IllegalStateException("no application at " + base);
    }
    return new SparkRestApi(base + "/" + id);
  }

  /** Every job, the newest first. */
  public List<JsonNode> jobs() {
    return list("jobs");
  }

  /** Every attempt of every stage (an attempt after the first one is a stage run again). */
  public List<JsonNode> stages() {
    return list("stages");
  }

  /** The tasks of one attempt of a stage. */
  public List<JsonNode> tasks(int stageId, int attemptId) {
    return list("stages/" + stageId + "/" + attemptId + "/taskList?length=100000");
  }

  /** The executors, the driver's entry included; with {@code all}, the removed ones too. */
  public List<JsonNode> executors(boolean all) {
    return list(all ? "allexecutors" : "executors");
  }

  /** The application's environment, its resource profiles included. */
  public JsonNode environment() {
    return get(application + "/environment");
  }

  private List<JsonNode> list(String path) {
    List<JsonNode> out = new ArrayList<>();
    get(application + "/" + path).forEach(out::add);
    return out;
  }

  private static JsonNode get(String url) {
    try (InputStream in = URI.create(url).toURL().openStream()) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url + ": " + e.getMessage(), e);
    }
  }
}
