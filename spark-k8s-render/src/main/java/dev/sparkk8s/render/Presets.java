package dev.sparkk8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The presets a chart ships: {@code presets/<name>.yaml}, each a values file whose first line is a
 * YAML comment {@code # <one-line description>}.
 */
public final class Presets {

  public static final String DIRECTORY = "presets";
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** One preset: its name, its one-line description and its file. */
  public record Preset(String name, String description, Path file) {
  }

  private final Path directory;

  public Presets(Path chartDir) {
    this.directory = chartDir.resolve(DIRECTORY);
  }

  /** All presets, sorted by name; empty when the chart has no {@code presets/} directory. */
  public List<Preset> list() {
    if (!Files.isDirectory(directory)) {
      return List.of();
    }
    List<Preset> presets = new ArrayList<>();
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.sorted().collect(Collectors.toList())) {
        String fileName = file.getFileName().toString();
        if (Files.isRegularFile(file) && fileName.endsWith(".yaml")) {
          String name = fileName.substring(0, fileName.length() - ".yaml".length());
          presets.add(new Preset(name, description(file), file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + directory, e);
    }
    presets.sort(Comparator.comparing(Preset::name));
    return presets;
  }

  public List<String> names() {
    return list().stream().map(Preset::name).collect(Collectors.toList());
  }

  /** The preset of that name; {@link ValuesException} listing the available names if there is none. */
  public Preset get(String name) {
    List<Preset> all = list();
    if (name != null && NAME.matcher(name).matches()) {
      for (Preset preset : all) {
        if (preset.name().equals(name)) {
          return preset;
        }
      }
    }
    String available = all.isEmpty() ? "none"
        : all.stream().map(Preset::name).collect(Collectors.joining(", "));
    throw new ValuesException("preset " + name + ": unknown preset (available: " + available + ")");
  }

  /** The text after {@code #} on the file's first line, or an empty string if it is not a comment. */
  static String description(Path file) {
    try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
      String first = lines.findFirst().orElse("").strip();
      if (first.startsWith("\uFEFF")) {
        first = first.substring(1);
      }
      return first.startsWith("#") ? first.substring(1).strip() : "";
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
