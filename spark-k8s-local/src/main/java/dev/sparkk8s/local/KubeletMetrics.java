package dev.sparkk8s.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The container metrics a kubelet serves at {@code /metrics/cadvisor} (what kube-prometheus-stack scrapes on a
 * cluster), for the pods {@code up --local} runs as process trees: {@code container_cpu_usage_seconds_total}
 * per pod and container, from {@link ContainerCpu}. It runs as a process of the run ({@link LocalKubeletMetrics}
 * starts it) and reads the run state at each scrape, so restarted processes are followed.
 */
public final class KubeletMetrics {

  static final String PATH = "/metrics/cadvisor";
  static final String CPU = "container_cpu_usage_seconds_total";

  private final Path runDir;
  private final LocalKubeletMetrics.Containers containers;

  KubeletMetrics(Path runDir, LocalKubeletMetrics.Containers containers) {
    this.runDir = runDir;
    this.containers = containers;
  }

  /** {@code <run dir> <port>}: serves the run's container metrics on 127.0.0.1 until stopped. */
  public static void main(String[] args) throws IOException {
    Path runDir = Path.of(args[0]);
    KubeletMetrics metrics = new KubeletMetrics(runDir,
        new ObjectMapper().readValue(LocalKubeletMetrics.containersFile(runDir).toFile(),
            LocalKubeletMetrics.Containers.class));
    HttpServer server = HttpServer.create(new InetSocketAddress(LocalAddresses.LOOPBACK, Integer.parseInt(args[1])), 16);
    server.createContext(PATH, exchange -> reply(exchange, 200, metrics.text()));
    server.createContext("/healthz", exchange -> reply(exchange, 200, "ok\n"));
    server.start();
  }

  /** The exposition text: one CPU counter per running container of the run. */
  String text() {
    StringBuilder out = new StringBuilder("# HELP ").append(CPU).append(" Cumulative cpu time consumed in seconds.\n")
        .append("# TYPE ").append(CPU).append(" counter\n");
    // A pod's sidecar is recorded as <pod>/<container>.
    Map<String, Double> byProcess = new TreeMap<>();
    LocalState.read(runDir).ifPresent(state -> state.processes().forEach(p -> p.handle()
        .ifPresent(h -> byProcess.put(p.name(), ContainerCpu.seconds(h)))));
    byProcess.forEach((name, seconds) -> {
      String pod = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
      Optional<String> container = name.contains("/") ? Optional.of(name.substring(name.indexOf('/') + 1))
          : Optional.ofNullable(containers.byPod().get(pod));
      container.ifPresent(c -> out.append(String.format(Locale.ROOT,
          "%s{container=\"%s\",namespace=\"%s\",pod=\"%s\"} %.3f%n", CPU, c, containers.namespace(), pod, seconds)));
    });
    return out.toString();
  }

  private static void reply(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}
