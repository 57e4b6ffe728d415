package dev.sparkk8s.jobs.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.common.ExitCode;
import dev.sparkk8s.common.SparkK8sException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLConnection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The drivers a Standalone master knows, running and completed, from its web UI's {@code /json/}. */
public final class MasterDrivers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TIMEOUT_MS = 10_000;

  private MasterDrivers() {
  }

  /** @param masterUi the master's web UI, {@code http://127.0.0.1:8080} */
  public static List<StandaloneDriver> of(String masterUi) {
    JsonNode master = read(masterUi);
    List<StandaloneDriver> drivers = new ArrayList<>();
    for (String list : List.of("activedrivers", "completeddrivers")) {
      master.path(list).forEach(d -> drivers.add(new StandaloneDriver(d.path("id").asText(), d.path("state").asText(),
          d.path("worker").asText("None"), Instant.ofEpochMilli(d.path("starttime").asLong()))));
    }
    return drivers;
  }

  /** The master's {@code /json/}: its workers, applications and drivers. */
  static JsonNode read(String masterUi) {
    String url = masterUi + "/json/";
    try {
      URLConnection connection = URI.create(url).toURL().openConnection();
      connection.setConnectTimeout(TIMEOUT_MS);
      connection.setReadTimeout(TIMEOUT_MS);
      try (InputStream in = connection.getInputStream()) {
        return JSON.readTree(in);
      }
    } catch (IOException e) {
      throw new SparkK8sException(ExitCode.UNAVAILABLE, "the local platform's Standalone master does not answer at "
          + url + " (" + e.getMessage() + "); see spark-k8s status --local");
    }
  }
}
