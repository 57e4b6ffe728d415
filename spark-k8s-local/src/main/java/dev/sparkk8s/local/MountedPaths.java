package dev.sparkk8s.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Container paths under a mount replaced by the local directory standing for the mount. */
public final class MountedPaths {

  private MountedPaths() {
  }

  /**
   * Replaces mount paths (whole path segments only) in one pass, so that a replacement is never
   * replaced again.
   *
   * @param mounts mount path -> local directory
   */
  public static String replace(Map<String, Path> mounts, String s) {
    if (mounts.isEmpty() || s == null) {
      return s;
    }
    String alternatives = String.join("|", mounts.keySet().stream()
        .sorted((a, b) -> b.length() - a.length()).map(Pattern::quote).toList());
    Matcher m = Pattern.compile("(?<=^|[\\s=,:'\"]|file://)(" + alternatives + ")(?=/|$|[\\s,;:'\"])").matcher(s);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(mounts.get(m.group(1)).toString()));
    }
    m.appendTail(out);
    return out.toString();
  }
}
