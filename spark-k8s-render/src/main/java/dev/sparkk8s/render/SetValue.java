package dev.sparkk8s.render;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code --set key=value} pair.
 *
 * <p>The value is passed to Helm as a {@code --set} value whose characters are all literal: Helm
 * still types {@code true}, {@code false}, {@code null} and integers, but commas, dots, braces and
 * quotes in the value are plain characters. (helm-java escapes them; see {@link #parse(String)}
 * for how a command-line argument becomes pairs.)
 */
public record SetValue(String key, String value) {

  public SetValue {
    if (key == null || key.isBlank()) {
      throw new ValuesException("--set: a key is required (key=value)");
    }
    if (value == null) {
      value = "";
    }
  }

  /**
   * Reads one {@code --set} argument the way the Helm CLI does for the common cases: several
   * {@code key=value} pairs separated by commas, a backslash escaping the next character
   * ({@code a=x\,y} sets {@code a} to {@code x,y}). Helm's list syntax {@code key={a,b}} is
   * refused with a hint, because the embedded Helm library receives values with braces escaped.
   */
  public static List<SetValue> parse(String argument) {
    List<SetValue> pairs = new ArrayList<>();
    for (String pair : splitUnescaped(argument)) {
      int eq = indexOfUnescaped(pair, '=');
      if (eq <= 0) {
        throw new ValuesException("--set " + argument + ": expected key=value");
      }
      String key = pair.substring(0, eq);
      String raw = pair.substring(eq + 1);
      if (raw.startsWith("{") && raw.endsWith("}")) {
        throw new ValuesException("--set " + key + ": list values {a,b} are not supported; use "
            + key + "[0]=a," + key + "[1]=b or a values file (-f)");
      }
      pairs.add(new SetValue(key, unescape(raw)));
    }
    return pairs;
  }

  /** {@code key=value}, as it would be written on the command line (value unescaped). */
  @Override
  public String toString() {
    return key + "=" + value;
  }

  private static List<String> splitUnescaped(String s) {
    List<String> parts = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int braces = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        current.append(c).append(s.charAt(++i));
        continue;
      }
      if (c == '{') {
        braces++;
      } else if (c == '}' && braces > 0) {
        braces--;
      } else if (c == ',' && braces == 0) {
        parts.add(current.toString());
        current.setLength(0);
        continue;
      }
      current.append(c);
    }
    parts.add(current.toString());
    return parts;
  }

  private static int indexOfUnescaped(String s, char wanted) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == wanted) {
        return i;
      }
    }
    return -1;
  }

  private static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        c = s.charAt(++i);
      }
      out.append(c);
    }
    return out.toString();
  }
}
