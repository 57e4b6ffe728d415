package dev.sparkk8s.local;

import dev.sparkk8s.common.Poll;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Stops processes with their descendants as a kubelet stops a container: SIGTERM to the whole
 * tree, then SIGKILL to what still runs after the grace period.
 */
public final class ProcessStopper {

  /** The grace period of {@code down} and of a restart of the local platform. */
  static final Duration GRACE = Duration.ofSeconds(15);
  private static final Duration POLL = Duration.ofMillis(200);

  private ProcessStopper() {
  }

  /** Stops the process trees; returns once every process of them has exited. Returns how many processes it signalled. */
  public static int stop(Collection<ProcessHandle> roots, Duration grace) {
    Set<ProcessHandle> targets = new LinkedHashSet<>();
    for (ProcessHandle root : roots) {
      // Descendants first, before a dying parent hands them to another.
      root.descendants().forEach(targets::add);
      targets.add(root);
    }
    targets.forEach(ProcessHandle::destroy);
    Poll.every(POLL, grace).until(() -> targets.stream().noneMatch(ProcessHandle::isAlive));
    List<ProcessHandle> stubborn = targets.stream().filter(ProcessHandle::isAlive).toList();
    stubborn.forEach(ProcessHandle::destroyForcibly);
    stubborn.forEach(h -> h.onExit().join());
    return targets.size();
  }

  /** Stops a run's recorded processes that still run and carry the run's marker, with {@link #GRACE}. */
  static int stop(List<LocalProcess> processes, Path runDir) {
    return stop(processes, runDir, GRACE);
  }

  /** The same with the given grace period. */
  static int stop(List<LocalProcess> processes, Path runDir, Duration grace) {
    List<ProcessHandle> ours = processes.stream().flatMap(p -> p.handle().stream()).filter(h -> belongsTo(h, runDir))
        .toList();
    return stop(ours, grace);
  }

  /**
   * Guards against a recycled pid: the process carries this run's marker on its command line, or (a program
   * that takes no such option: the Prometheus server, nginx) an argument naming a file of the run directory.
   */
  /**
   * What the process shows as its command line now: nginx writes its own title over its arguments
   * ({@code nginx: master process /usr/sbin/nginx -c <file> ...}), which the JDK does not read as arguments.
   */
  private static String processTitle(ProcessHandle h) {
    try {
      return Files.readString(Path.of("/proc", String.valueOf(h.pid()), "cmdline")).replace('\0', ' ');
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  private static boolean belongsTo(ProcessHandle h, Path runDir) {
    String marker = PodRunner.RUN_MARKER + runDir;
    String file = runDir + "/";
    return h.info().arguments().map(Stream::of).orElseGet(Stream::empty)
            .anyMatch(a -> a.equals(marker) || a.contains("=" + file) || a.startsWith(file))
        || h.info().commandLine().map(c -> c.contains(marker)).orElse(false)
        || processTitle(h).contains(" " + file);
  }
}
