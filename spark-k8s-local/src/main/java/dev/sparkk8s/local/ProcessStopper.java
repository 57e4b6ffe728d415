package dev.sparkk8s.local;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** Stops a run's processes and their descendants: SIGTERM, then SIGKILL after a grace period. */
final class ProcessStopper {

  static final Duration GRACE = Duration.ofSeconds(15);

  private ProcessStopper() {
  }

  static int stop(List<LocalProcess> processes, Path runDir) {
    Set<ProcessHandle> targets = new LinkedHashSet<>();
    for (LocalProcess p : processes) {
      p.handle().filter(h -> belongsTo(h, runDir)).ifPresent(h -> {
        h.descendants().forEach(targets::add);
        targets.add(h);
      });
    }
    targets.forEach(ProcessHandle::destroy);
    Instant deadline = Instant.now().plus(GRACE);
    while (Instant.now().isBefore(deadline) && targets.stream().anyMatch(ProcessHandle::isAlive)) {
      sleep(200);
    }
    List<ProcessHandle> stubborn = new ArrayList<>(targets.stream().filter(ProcessHandle::isAlive).toList());
    stubborn.forEach(ProcessHandle::destroyForcibly);
    stubborn.forEach(h -> h.onExit().join());
    return targets.size();
  }

  /** Guards against a recycled pid: the process carries this run's marker on its command line. */
  private static boolean belongsTo(ProcessHandle h, Path runDir) {
    String marker = StartedProcess.RUN_MARKER + runDir;
    return h.info().arguments().map(Stream::of).orElseGet(Stream::empty).anyMatch(marker::equals)
        || h.info().commandLine().map(c -> c.contains(marker)).orElse(false);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
