package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.UserValues;
import dev.sparkk8s.render.contract.Component;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Connect server's readiness probe as the chart renders it (an exec probe in bash), run by the local
 * runtime against a driver UI and a master web UI played by small HTTP servers answering what Spark answers.
 */
class ConnectReadinessProbeTest {

  private static final String APP = "app-20260101120000-0000";
  private static final String DRIVER_APPS = "[ {\n  \"id\" : \"" + APP + "\",\n  \"name\" : \"local-spark-k8s-connect\"\n} ]";

  @TempDir
  Path runDir;

  private final HttpServer driver = server();
  private final HttpServer master = server();

  @AfterEach
  void stop() {
    driver.stop(0);
    master.stop(0);
  }

  @Test
  void readyWhileTheMasterListsTheApplicationAsActive() throws IOException {
    answer(driver, "/api/v1/applications", DRIVER_APPS);
    answer(master, "/json/", masterJson("[ {\n    \"id\" : \"" + APP + "\",\n    \"state\" : \"RUNNING\"\n  } ]", "[ ]"));

    assertThat(probe()).isTrue();
  }

  @Test
  void notReadyWhenTheMasterNoLongerKnowsTheApplication() throws IOException {
    answer(driver, "/api/v1/applications", DRIVER_APPS);
    answer(master, "/json/", masterJson("[ ]", "[ {\n    \"id\" : \"" + APP + "\"\n  } ]"));

    assertThat(probe()).isFalse();
  }

  @Test
  void readyWhileTheMasterDoesNotAnswer() throws IOException {
    answer(driver, "/api/v1/applications", DRIVER_APPS);
    master.stop(0);

    assertThat(probe()).isTrue();
  }

  @Test
  void notReadyWhenTheDriverHasNoApplicationYet() throws IOException {
    answer(driver, "/api/v1/applications", "[ ]");
    answer(master, "/json/", masterJson("[ ]", "[ ]"));

    assertThat(probe()).isFalse();
  }

  /** The rendered probe of the Connect container, with the driver UI and the master web UI on the servers' ports. */
  private boolean probe() {
    RenderedRelease release = LocalChart.render(new LocalOptions("4.1", UserValues.none(), null, null, runDir,
        SparkHome.projectDir().resolve("charts/spark-k8s")));
    List<ChartContainer> containers = ChartContainer.of(release);
    Map<String, Map<Integer, Integer>> ports = new HashMap<>();
    for (ChartContainer c : containers) {
      Map<Integer, Integer> local = new HashMap<>();
      for (ContainerPort p : c.container().getPorts()) {
        // Nothing listens on the others.
        local.put(p.getContainerPort(), p.getContainerPort() + 30000);
      }
      ports.put(c.instance(), local);
    }
    ports.get("connect").put(4040, driver.getAddress().getPort());
    ports.get("master").put(8080, master.getAddress().getPort());
    LocalAddresses addresses = new LocalAddresses(containers, release.objects(Service.class), "default", runDir, ports,
        Map.of());
    ChartContainer connect = containers.stream().filter(c -> c.component() == Component.CONNECT).findFirst().orElseThrow();
    assertThat(connect.container().getReadinessProbe().getExec()).as("an exec probe").isNotNull();
    ProcessPlan plan = new ProcessPlan(connect, "connect", null, new ImageEntrypoint.SparkClass(List.of()), Map.of(), runDir,
        runDir.resolve("log"));
    return Readiness.probe(plan, addresses);
  }

  private static String masterJson(String activeApps, String completedApps) {
    return "{\n  \"url\" : \"spark://127.0.0.1:7077\",\n  \"aliveworkers\" : 1,\n  \"activeapps\" : " + activeApps
        + ",\n  \"completedapps\" : " + completedApps + ",\n  \"status\" : \"ALIVE\"\n}";
  }

  private static HttpServer server() {
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(LocalAddresses.LOOPBACK, 0), 0);
      server.start();
      return server;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void answer(HttpServer server, String path, String json) {
    server.createContext(path, exchange -> {
      byte[] body = json.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    });
  }
}
