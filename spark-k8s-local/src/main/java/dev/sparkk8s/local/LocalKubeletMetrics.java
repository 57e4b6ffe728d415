package dev.sparkk8s.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparkk8s.common.Poll;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Starts {@link KubeletMetrics} as a process of a run with monitoring, and gives the local Prometheus its scrape
 * job ({@code kubelet}, path {@value KubeletMetrics#PATH}, as kube-prometheus-stack names it). Its files and log
 * live in {@code <run dir>/instances/kubelet-metrics}.
 */
final class LocalKubeletMetrics {

  /** Its name in the run state and in {@code status}. */
  static final String NAME = "kubelet-metrics";
  static final int PREFERRED_PORT = 10250;
  static final String PORT_NAME = "metrics";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The namespace of the run's pods and the container each pod runs. */
  record Containers(String namespace, Map<String, String> byPod) {
  }

  private LocalKubeletMetrics() {
  }

  static Path containersFile(Path runDir) {
    return dir(runDir).resolve("containers.json");
  }

  /** Starts it on {@code port} for these containers and returns once it answers. */
  static LocalProcess start(Path runDir, int port, String namespace, List<ChartContainer> containers) {
    Path dir = dir(runDir);
    Path log = dir.resolve(NAME + ".log");
    Map<String, String> byPod = new LinkedHashMap<>();
    containers.forEach(c -> byPod.put(c.instance(), c.container().getName()));
    Process process;
    try {
      Files.createDirectories(dir);
      JSON.writeValue(containersFile(runDir).toFile(), new Containers(namespace, byPod));
      process = new ProcessBuilder(SparkClassCommand.javaBinary(), PodRunner.RUN_MARKER + runDir, "-Xmx32m",
          "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
          KubeletMetrics.class.getName(), runDir.toString(), Integer.toString(port))
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
          .redirectInput(Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start the container metrics server in " + dir + ": " + e.getMessage(), e);
    }
    String url = "http://" + LocalAddresses.LOOPBACK + ":" + port;
    boolean ready = Poll.every(Duration.ofMillis(100), READY_TIMEOUT)
        .until(() -> !process.isAlive() || Readiness.httpOk(url + "/healthz"));
    if (!process.isAlive() || !ready) {
      process.destroyForcibly();
      throw new LocalRuntimeException("the container metrics server did not start (" + log + "):\n"
          + LogTail.of(log, 20));
    }
    return new LocalProcess(NAME, null, process.pid(), Map.of(PORT_NAME, port), url + KubeletMetrics.PATH, log);
  }

  /** The local Prometheus's job for it. */
  static ScrapeJob scrapeJob(LocalProcess server) {
    return new ScrapeJob("kubelet", KubeletMetrics.PATH, null, List.of(new ScrapeJob.Target(
        LocalAddresses.LOOPBACK + ":" + server.ports().get(PORT_NAME), Map.of("metrics_path", KubeletMetrics.PATH))),
        List.of());
  }

  private static Path dir(Path runDir) {
    return runDir.resolve("instances").resolve(NAME);
  }
}
