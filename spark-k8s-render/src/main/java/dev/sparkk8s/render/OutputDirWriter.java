package dev.sparkk8s.render;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes manifests the way {@code helm template --output-dir DIR} does: one file per template,
 * {@code DIR/<chart>/templates/<file>.yaml}, each document written as
 * {@code ---\n# Source: <path>\n<content>\n}; a template that renders several documents gets them
 * all, in order. Existing files of the same name are replaced, other files are left alone.
 */
public final class OutputDirWriter {

  private OutputDirWriter() {
  }

  /** Writes the manifests under {@code dir}; returns the files written, in order, each once. */
  public static List<Path> write(List<Manifest> manifests, Path dir) {
    Set<Path> written = new LinkedHashSet<>();
    try {
      for (Manifest manifest : manifests) {
        Path file = dir.resolve(manifest.source()).normalize();
        if (!file.startsWith(dir.normalize())) {
          throw new ChartException("template path escapes the output directory: " + manifest.source());
        }
        Files.createDirectories(file.getParent());
        String text = "---\n# Source: " + manifest.source() + "\n" + manifest.content() + "\n";
        if (written.add(file)) {
          Files.writeString(file, text, StandardCharsets.UTF_8);
        } else {
          Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        }
      }
    } catch (FileSystemException e) {
      String reason = e.getReason() != null ? e.getReason()
          : e.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT).replace(" exception", "");
      throw new UncheckedIOException("cannot write manifests to " + dir + ": " + e.getFile() + ": " + reason, e);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifests to " + dir + ": " + e.getMessage(), e);
    }
    return new ArrayList<>(written);
  }
}
