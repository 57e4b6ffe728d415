package dev.sparkk8s.render;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What {@code helm lint} said about a chart: its messages ({@code [INFO] ...},
 * {@code [WARNING] ...}, {@code [ERROR] ...}) and whether it failed.
 */
public record HelmLintResult(List<String> messages, boolean failed) {

  public HelmLintResult {
    messages = List.copyOf(messages);
  }

  public List<String> errors() {
    return messages.stream()
        .filter(m -> m.startsWith("[ERROR]") || m.startsWith("Error "))
        .collect(Collectors.toList());
  }

  public List<String> warnings() {
    return messages.stream().filter(m -> m.startsWith("[WARNING]")).collect(Collectors.toList());
  }

  /** Whether lint failed or reported an error (in strict mode warnings also fail). */
  public boolean passed() {
    return !failed && errors().isEmpty();
  }
}
