package dev.sparkk8s.local;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code up --local} started, kept in {@code <run dir>/state.json} for status, down and
 * {@link RunningPlatform}; the release it rendered is kept beside it in {@value #RELEASE_FILE}.
 *
 * @param processes  the chart's processes
 * @param s3         the embedded S3 server ({@link EmbeddedS3}), or null when the release uses none
 * @param prometheus the Prometheus server ({@link LocalPrometheus}), or null when the run has none
 * @param kubeletMetrics the container metrics server Prometheus scrapes ({@link LocalKubeletMetrics}), or null
 */
public record LocalState(String sparkVersion, Path runDir, Instant started, String connectUrl, String masterUrl,
    String masterWebUrl, String historyUrl, List<LocalProcess> processes, Path sparkHome, LocalProcess s3,
    LocalProcess prometheus, LocalProcess kubeletMetrics) {

  static final String RELEASE_FILE = "release.yaml";

  private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  static Path file(Path runDir) {
    return runDir.resolve("state.json");
  }

  public static Optional<LocalState> read(Path runDir) {
    Path file = file(runDir);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(file.toFile(), LocalState.class));
    } catch (IOException e) {
      throw new LocalRuntimeException(file + " is not a spark-k8s run state (" + e.getMessage()
          + "); stop what it started by hand and delete it", e);
    }
  }

  /** The same state with one process replaced by its restarted self. */
  LocalState with(LocalProcess restarted) {
    List<LocalProcess> updated = processes.stream()
        .map(p -> p.name().equals(restarted.name()) ? restarted : p).toList();
    return new LocalState(sparkVersion, runDir, started, connectUrl, masterUrl, masterWebUrl, historyUrl, updated,
        sparkHome, s3, prometheus, kubeletMetrics);
  }

  /** The same state with its monitoring processes: the Prometheus server and what it scrapes the containers' metrics from. */
  LocalState withMonitoring(LocalProcess prometheusServer, LocalProcess containerMetrics) {
    return new LocalState(sparkVersion, runDir, started, connectUrl, masterUrl, masterWebUrl, historyUrl, processes,
        sparkHome, s3, prometheusServer, containerMetrics);
  }

  void write() {
    try {
      Files.createDirectories(runDir);
      Path tmp = Files.createTempFile(runDir, "state", ".json");
      JSON.writeValue(tmp.toFile(), this);
      Files.move(tmp, file(runDir), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot write " + file(runDir) + ": " + e.getMessage(), e);
    }
  }

  /** Every process of the run: the chart's, then the embedded S3 server and the monitoring processes where there are. */
  @JsonIgnore
  public List<LocalProcess> allProcesses() {
    return Stream.concat(processes.stream(), Stream.of(s3, prometheus, kubeletMetrics).filter(Objects::nonNull)).toList();
  }

  /** The embedded S3 server's URL, or null. */
  @JsonIgnore
  public String s3Url() {
    return s3 == null ? null : s3.url();
  }

  /** True while any recorded process still runs. */
  public boolean anyAlive() {
    return allProcesses().stream().anyMatch(LocalProcess::alive);
  }
}
