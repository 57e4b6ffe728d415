package dev.sparkk8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Copying and deleting directory trees, across file systems (a jar's zip file system included). */
public final class FileTrees {

  private FileTrees() {
  }

  public static void copy(Path source, Path target) throws IOException {
    List<Path> paths;
    try (Stream<Path> walk = Files.walk(source)) {
      paths = walk.toList();
    }
    for (Path path : paths) {
      Path to = target.resolve(source.relativize(path).toString());
      if (Files.isDirectory(path)) {
        Files.createDirectories(to);
      } else {
        Files.createDirectories(to.getParent());
        Files.copy(path, to, StandardCopyOption.REPLACE_EXISTING);
      }
    }
  }

  /** Deletes a tree, best effort: what cannot be deleted stays. */
  public static void deleteQuietly(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }
}
