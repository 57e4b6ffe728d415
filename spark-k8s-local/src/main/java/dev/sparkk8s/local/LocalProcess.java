package dev.sparkk8s.local;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.sparkk8s.render.contract.Component;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A started process of the platform, as recorded in the run state.
 *
 * @param name  instance name (master, worker-1, history, connect)
 * @param component master, worker, history or connect ({@code role} in the state files of earlier versions); null
 *                  for a process that is not the chart's (the embedded S3 server, the Prometheus server)
 * @param pid   operating-system process id
 * @param ports port name -> local port
 * @param url   the address a person uses, if any
 * @param log   its log file
 */
public record LocalProcess(String name, @JsonAlias("role") Component component, long pid, Map<String, Integer> ports, String url, Path log) {

  @JsonIgnore
  public Optional<ProcessHandle> handle() {
    return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
  }

  @JsonIgnore
  public boolean alive() {
    return handle().isPresent();
  }

  /** The record name of a pod's other container, e.g. the Connect server's TLS proxy: {@code connect/connect-proxy}. */
  static String sidecarName(String instance, String container) {
    return instance + "/" + container;
  }

  /** Whether this is a pod's other container rather than the instance itself. */
  @JsonIgnore
  public boolean sidecar() {
    return name.contains("/");
  }
}
