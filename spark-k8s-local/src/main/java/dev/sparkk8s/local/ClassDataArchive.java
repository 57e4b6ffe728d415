package dev.sparkk8s.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

/**
 * A class-data-sharing archive (JDK AppCDS) of a Spark home's classes: the JVMs of the local
 * platform that can use it (see {@link #jvmOptionsFor}) map the classes it holds instead of
 * loading and verifying them from the jars, which is most of a Spark JVM's start. Made once per Spark home and JDK (dumped from
 * {@link ClassDataTraining}), kept in {@code <spark home>/cds/}, and named after the JDK and the
 * jars, so a changed home or JDK gets a new one; the JVM itself also refuses a stale archive and
 * then starts without it. Creating it is an optimisation: when it fails, the platform starts as is.
 */
public final class ClassDataArchive {

  private final SparkHome home;
  private final Path file;

  private ClassDataArchive(SparkHome home, Path file) {
    this.home = home;
    this.file = file;
  }

  public static ClassDataArchive of(SparkHome home) {
    return new ClassDataArchive(home, home.dir().resolve("cds").resolve("spark-" + fingerprint(home) + ".jsa"));
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.isRegularFile(file);
  }

  /** The JVM options that make a JVM use the archive, or none when there is none yet. */
  public List<String> jvmOptions() {
    return exists() ? List.of("-XX:SharedArchiveFile=" + file, "-Xshare:auto") : List.of();
  }

  /**
   * The java command as it runs with the archive: its class path starting with the jars when that finds the same
   * classes and resources ({@link JarsFirstClassPath}), and the archive's options when the class path then starts
   * the way the archive's did; as it is without an archive.
   */
  public List<String> archived(List<String> javaCommand) {
    if (!exists()) {
      return javaCommand;
    }
    List<String> command = new ArrayList<>(
        jarRootFiles().map(names -> JarsFirstClassPath.of(javaCommand, names)).orElse(javaCommand));
    command.addAll(1, jvmOptionsFor(command));
    return command;
  }

  /**
   * The names of the files at the root of the home's jars, listed once next to the archive (the jars do not
   * change under one archive name); empty when they cannot be read.
   */
  Optional<Set<String>> jarRootFiles() {
    Path list = file.resolveSibling(file.getFileName().toString().replace(".jsa", ".root-files"));
    try {
      if (Files.isRegularFile(list)) {
        return Optional.of(Set.copyOf(Files.readAllLines(list)));
      }
      Set<String> names = new TreeSet<>();
      try (Stream<Path> jars = Files.list(home.jars())) {
        for (Path jar : jars.filter(j -> j.toString().endsWith(".jar")).toList()) {
          try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).filter(n -> n.indexOf('/') < 0).forEach(names::add);
          }
        }
      }
      Path partial = Files.createTempFile(list.getParent(), "root-files", ".tmp");
      Files.write(partial, names);
      Files.move(partial, list, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      return Optional.of(names);
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /**
   * The options for this java command: none when its class path starts with a directory that
   * holds files (a process's own configuration directory, which Spark's launcher puts first). The
   * archive records the class path it was made with, and a JDK 17 JVM whose class path does not
   * start the same way cannot use it (a missing entry is left out, a directory must be empty).
   */
  List<String> jvmOptionsFor(List<String> javaCommand) {
    int option = Math.max(javaCommand.indexOf("-cp"), javaCommand.indexOf("-classpath"));
    if (option >= 0 && option + 1 < javaCommand.size()) {
      for (String entry : javaCommand.get(option + 1).split(java.io.File.pathSeparator)) {
        if (entry.endsWith(".jar") || entry.endsWith("*")) {
          break;
        }
        if (holdsFiles(Path.of(entry))) {
          return List.of();
        }
      }
    }
    return jvmOptions();
  }

  private static boolean holdsFiles(Path dir) {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      return true;
    }
  }

  /**
   * The environment that makes the JVMs a process starts use the archive: a Standalone worker
   * starts executor JVMs with its own environment, not with the options of its own command line.
   *
   * @param toolOptions the {@code JAVA_TOOL_OPTIONS} the process would have otherwise (kept), or null
   */
  public Map<String, String> inheritedEnv(String toolOptions) {
    if (!exists()) {
      return Map.of();
    }
    String archiveOptions = String.join(" ", jvmOptions());
    return Map.of("JAVA_TOOL_OPTIONS", toolOptions == null || toolOptions.isBlank()
        ? archiveOptions : toolOptions + " " + archiveOptions);
  }

  /** Makes the archive unless it exists; reports what it does, and only warns when it cannot. */
  public void ensure(Consumer<String> progress) {
    if (exists()) {
      return;
    }
    if (!Files.isWritable(home.dir())) {
      progress.accept("No class-data archive: " + home.dir() + " is not writable; JVMs start without one.");
      return;
    }
    progress.accept("Making a class-data archive of Spark " + home.sparkVersion() + " for this JDK (once per Spark home"
        + " and JDK; it shortens every later JVM start): " + file);
    try {
      create();
      jarRootFiles();
    } catch (RuntimeException e) {
      progress.accept("No class-data archive (" + e.getMessage() + "); JVMs start without one.");
    }
  }

  private void create() {
    Path dir = file.getParent();
    Path work;
    try {
      Files.createDirectories(dir);
      work = Files.createTempDirectory(dir, "training-");
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot create " + dir + ": " + e.getMessage(), e);
    }
    try {
      Path partial = work.resolve("archive.jsa");
      ClassDataTraining.run(home, work, List.of("-XX:ArchiveClassesAtExit=" + partial));
      if (!Files.isRegularFile(partial)) {
        throw new LocalRuntimeException("the training's JVM wrote no archive; the last lines of its log:\n"
            + LogTail.of(work.resolve("training.log"), 10));
      }
      Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new LocalRuntimeException("cannot keep the archive: " + e.getMessage(), e);
    } finally {
      dev.sparkk8s.render.FileTrees.deleteQuietly(work);
    }
  }

  /** The JDK that runs Spark and every jar's name, size and time: what the archive is valid for. */
  private static String fingerprint(SparkHome home) {
    try (Stream<Path> jars = Files.list(home.jars())) {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update((SparkClassCommand.javaBinary() + "|" + System.getProperty("java.vm.version")).getBytes(StandardCharsets.UTF_8));
      for (Path jar : jars.sorted().toList()) {
        digest.update((jar.getFileName() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis() + "\n")
            .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest(), 0, 8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + home.jars(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
