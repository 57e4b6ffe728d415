package dev.sparkk8s.render;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One document of {@code helm template} output: the template it came from
 * ({@code spark-k8s/templates/x.yaml}) and its YAML text.
 */
public record Manifest(String source, String content) {

  private static final Pattern HEADER = Pattern.compile("(?m)^---\\n# Source: (.+)\\n");

  /**
   * Splits {@code helm template} output into its documents. Helm writes each as
   * {@code ---\n# Source: <path>\n<content>\n}.
   */
  public static List<Manifest> split(String yaml) {
    List<Manifest> manifests = new ArrayList<>();
    Matcher m = HEADER.matcher(yaml);
    String source = null;
    int contentStart = -1;
    while (m.find()) {
      if (source != null) {
        manifests.add(new Manifest(source, chomp(yaml.substring(contentStart, m.start()))));
      }
      source = m.group(1);
      contentStart = m.end();
    }
    if (source != null) {
      manifests.add(new Manifest(source, chomp(yaml.substring(contentStart))));
    }
    return manifests;
  }

  private static String chomp(String s) {
    return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
  }
}
