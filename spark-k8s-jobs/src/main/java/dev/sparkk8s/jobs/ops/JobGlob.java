package dev.sparkk8s.jobs.ops;

import java.util.regex.Pattern;

/** A job id or a glob of them ({@code nightly-*}, {@code run-?}), as {@code spark-submit --kill} takes them. */
public record JobGlob(String text) {

  public boolean isGlob() {
    return text.contains("*") || text.contains("?");
  }

  public boolean matches(String id) {
    return Pattern.compile(Pattern.quote(text).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q")).matcher(id)
        .matches();
  }
}
