package dev.sparkk8s.local;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Programs of this machine, found on the PATH as a shell finds them. */
final class Executables {

  private Executables() {
  }

  static Optional<Path> onPath(String name) {
    return onPath(name, System.getenv("PATH"));
  }

  /** The program in the first directory of {@code path} (a PATH value) that has it. */
  static Optional<Path> onPath(String name, String path) {
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
