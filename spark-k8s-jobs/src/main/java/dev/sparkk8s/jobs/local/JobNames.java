package dev.sparkk8s.jobs.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The names jobs were submitted with on the local platform, each the id of its Standalone driver: one file per job
 * in {@code <run dir>/jobs/names/}, named after the job and holding the driver's id. The master knows drivers by
 * their ids only.
 */
public final class JobNames {

  private final Path dir;

  public JobNames(Path runDir) {
    this.dir = runDir.resolve("jobs").resolve("names");
  }

  /** The driver a name was given to, if any. */
  public Optional<String> driver(String name) {
    Path file = dir.resolve(name);
    try {
      return Files.isRegularFile(file) ? Optional.of(Files.readString(file).strip()) : Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public void record(String name, String driverId) {
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve(name), driverId + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Driver id -> the name it was submitted with. */
  public Map<String, String> byDriver() {
    Map<String, String> names = new HashMap<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files.forEach(f -> names.put(read(f), f.getFileName().toString()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return names;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
