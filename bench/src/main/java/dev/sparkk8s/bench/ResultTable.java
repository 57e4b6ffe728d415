package dev.sparkk8s.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** A Markdown table with notes, printed and written to {@code bench/results/<name>-<date>.md}. */
final class ResultTable {

  private final String title;
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  ResultTable(String title, String... header) {
    this.title = title;
    this.header = List.of(header);
  }

  void row(String... cells) {
    rows.add(List.of(cells));
  }

  void note(String line) {
    notes.add(line);
  }

  String markdown() {
    StringBuilder md = new StringBuilder("# " + title + "\n\n");
    md.append("Run ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME).substring(0, 16))
        .append(" on ").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
        .append(System.getProperty("java.version")).append(".\n\n");
    md.append(line(header)).append(line(header.stream().map(h -> "---").toList()));
    rows.forEach(r -> md.append(line(r)));
    if (!notes.isEmpty()) {
      md.append('\n');
      notes.forEach(n -> md.append("- ").append(n).append('\n'));
    }
    return md.toString();
  }

  /** Prints the table and writes it under {@code resultsDir}; returns the file. */
  Path publish(Path resultsDir, String name) {
    String md = markdown();
    System.out.println(md);
    try {
      Files.createDirectories(resultsDir);
      // A second run of the same day gets its own file: results the README cites are never replaced.
      String stem = name + "-" + LocalDate.now();
      Path file = resultsDir.resolve(stem + ".md");
      for (int run = 2; Files.exists(file); run++) {
        file = resultsDir.resolve(stem + "-run" + run + ".md");
      }
      Files.writeString(file, md);
      Log.say("written: " + file);
      return file;
    } catch (IOException e) {
      throw new IllegalStateException("cannot write the results: " + e.getMessage(), e);
    }
  }

  private static String line(List<String> cells) {
    return "| " + String.join(" | ", cells) + " |\n";
  }
}
