package dev.sparkk8s.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Processes as /proc lists them, zombies included (ProcessHandle cannot tell a zombie). */
record ProcessTable(long pid, long parent, char state, String name) {

  static List<ProcessTable> childrenOf(long parent) {
    List<ProcessTable> out = new ArrayList<>();
    try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
      for (Path dir : entries.filter(p -> p.getFileName().toString().matches("[0-9]+")).toList()) {
        read(dir).filter(p -> p.parent() == parent).ifPresent(out::add);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return out;
  }

  static List<ProcessTable> zombiesUnder(long parent) {
    return childrenOf(parent).stream().filter(p -> p.state() == 'Z').toList();
  }

  /** {@code pid (name) state ppid ...}; the name may hold spaces and parentheses. */
  private static Optional<ProcessTable> read(Path dir) {
    try {
      String stat = Files.readString(dir.resolve("stat"));
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      String[] rest = stat.substring(close + 2).split(" ");
      return Optional.of(new ProcessTable(Long.parseLong(stat.substring(0, open).trim()),
          Long.parseLong(rest[1]), rest[0].charAt(0), stat.substring(open + 1, close)));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
