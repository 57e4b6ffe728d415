package dev.sparkk8s.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

/**
 * The CPU time a container has used, as its cgroup counts it, for a container that is a process tree here: the
 * user and system time of every live process of the tree plus what their exited children used ({@code cutime},
 * {@code cstime} of {@code /proc/<pid>/stat}, which a parent collects when it reaps a child), so the figure
 * only grows while the tree lives. Without {@code /proc} (not Linux) it is the live processes' own time.
 */
final class ContainerCpu {

  private static final Path PROC = Path.of("/proc");
  /** USER_HZ: the unit of /proc's times; 100 on every Linux architecture Spark runs on. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ContainerCpu() {
  }

  /** Seconds of CPU the tree rooted at {@code root} has used. */
  static double seconds(ProcessHandle root) {
    return Stream.concat(Stream.of(root), root.descendants()).mapToDouble(ContainerCpu::processSeconds).sum();
  }

  private static double processSeconds(ProcessHandle p) {
    Path stat = PROC.resolve(Long.toString(p.pid())).resolve("stat");
    try {
      return ticks(Files.readString(stat)) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L) / 1e9;
    }
  }

  /** utime + stime + cutime + cstime of a {@code /proc/<pid>/stat} line (its command may hold spaces and parentheses). */
  static long ticks(String stat) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state); utime, stime, cutime, cstime are fields 14 to 17.
    return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
  }
}
