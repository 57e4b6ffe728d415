package dev.sparkk8s.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sparkk8s.common.Poll;
import dev.sparkk8s.render.RenderedRelease;
import dev.sparkk8s.render.monitoring.PrometheusRules;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Prometheus server of {@code up --local --monitoring}: Debian's {@code prometheus} binary as one more
 * process of the run, its scrape jobs from the release's monitors ({@link ScrapeJobs}) and its rule file the
 * release's PrometheusRule groups, as rendered. Its configuration, rules, data and log live in
 * {@code <run dir>/instances/prometheus}.
 */
public final class LocalPrometheus {

  /** Its name in the run state and in {@code status}. */
  public static final String NAME = "prometheus";
  static final int PREFERRED_PORT = 9090;
  static final String PORT_NAME = "web";
  static final String INSTALL = "install Debian's prometheus package (apt-get install prometheus)";
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private LocalPrometheus() {
  }

  /** The prometheus binary on the PATH, or a refusal saying how to install it. */
  static Path binary() {
    return binary(System.getenv("PATH"));
  }

  static Path binary(String path) {
    return Executables.onPath(NAME, path).orElseThrow(() -> new LocalInputException(
        "--monitoring: no prometheus program on the PATH; " + INSTALL));
  }

  /** The release's scrape jobs, or a refusal when it renders nothing Prometheus could scrape. */
  static List<ScrapeJob> jobs(RenderedRelease release, List<ChartContainer> containers, LocalAddresses addresses) {
    List<ScrapeJob> jobs = ScrapeJobs.of(release, containers, addresses);
    if (jobs.stream().allMatch(j -> j.targets().isEmpty())) {
      throw new LocalInputException("--monitoring: the release renders no ServiceMonitor, PodMonitor or prometheus.io "
          + "annotation with a target; keep monitoring.enabled=true (what --monitoring sets)");
    }
    return jobs;
  }

  /** Writes its configuration and rule file, starts it on {@code port} and waits until it is ready. */
  static LocalProcess start(Path binary, List<ScrapeJob> jobs, RenderedRelease release, Path runDir, int port) {
    Path dir = runDir.resolve("instances").resolve(NAME);
    Path log = dir.resolve(NAME + ".log");
    List<Map<String, Object>> groups = PrometheusRules.groups(release.objects());
    Process process;
    try {
      Files.createDirectories(dir.resolve("data"));
      YAML.writeValue(dir.resolve("prometheus.yml").toFile(), PrometheusConfig.document(jobs, !groups.isEmpty()));
      YAML.writeValue(dir.resolve(PrometheusConfig.RULE_FILE).toFile(), Map.of("groups", groups));
      process = new ProcessBuilder(binary.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
          "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=" + LocalAddresses.LOOPBACK + ":" + port,
          "--storage.tsdb.retention.time=1d")
          .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(Redirect.appendTo(log.toFile()))
          .redirectInput(Redirect.from(new File("/dev/null"))).start();
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot start Prometheus (" + binary + "): " + e.getMessage(), e);
    }
    String url = url(port);
    boolean ready = Poll.every(Duration.ofMillis(200), READY_TIMEOUT)
        .until(() -> !process.isAlive() || Readiness.httpOk(url + "/-/ready"));
    if (!process.isAlive() || !ready) {
      process.destroyForcibly();
      throw new LocalRuntimeException("Prometheus did not start (" + log + "):\n" + LogTail.of(log, 20));
    }
    return new LocalProcess(NAME, null, process.pid(), Map.of(PORT_NAME, port), url, log);
  }

  /** Where the run's Prometheus answers, if the run has one. */
  public static Optional<String> url(LocalState state) {
    return Optional.ofNullable(state.prometheus()).map(LocalProcess::url);
  }

  static String url(int port) {
    return "http://" + LocalAddresses.LOOPBACK + ":" + port;
  }
}
