package dev.sparkk8s.local;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A java command whose class path starts with a process's own configuration directory (Spark's launcher puts
 * {@code SPARK_CONF_DIR} first), rewritten to start with the Spark home's jars and end with that directory, when the
 * two orders find the same things: the directory holds only files, and none of them is named like a file at the
 * root of a jar. A class path that starts with the jars is one the class-data archive can serve (a JDK 17 archive
 * only serves a class path that starts like the one it was made with).
 */
final class JarsFirstClassPath {

  private JarsFirstClassPath() {
  }

  /**
   * @param jarRootFiles the names of the files at the root of the Spark home's jars
   * @return the command with its class path reordered, or the command as it is when the order could matter
   */
  static List<String> of(List<String> javaCommand, Set<String> jarRootFiles) {
    int option = Math.max(javaCommand.indexOf("-cp"), javaCommand.indexOf("-classpath"));
    if (option < 0 || option + 1 >= javaCommand.size()) {
      return javaCommand;
    }
    List<String> entries = List.of(javaCommand.get(option + 1).split(File.pathSeparator));
    int firstJar = 0;
    while (firstJar < entries.size() && !isJars(entries.get(firstJar))) {
      firstJar++;
    }
    if (firstJar == 0 || firstJar == entries.size()) {
      return javaCommand;
    }
    List<String> leading = entries.subList(0, firstJar);
    if (!leading.stream().allMatch(dir -> onlyFilesNamedApart(Path.of(dir), jarRootFiles))) {
      return javaCommand;
    }
    List<String> reordered = new ArrayList<>(entries.subList(firstJar, entries.size()));
    reordered.addAll(leading);
    List<String> out = new ArrayList<>(javaCommand);
    out.set(option + 1, String.join(File.pathSeparator, reordered));
    return out;
  }

  private static boolean isJars(String entry) {
    return entry.endsWith(".jar") || entry.endsWith("*");
  }

  /** A missing directory finds nothing in either order; one with a subdirectory is left as it is. */
  private static boolean onlyFilesNamedApart(Path dir, Set<String> jarRootFiles) {
    if (!Files.isDirectory(dir)) {
      return !Files.exists(dir);
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.allMatch(f -> Files.isRegularFile(f) && !jarRootFiles.contains(f.getFileName().toString()));
    } catch (IOException e) {
      return false;
    }
  }
}
