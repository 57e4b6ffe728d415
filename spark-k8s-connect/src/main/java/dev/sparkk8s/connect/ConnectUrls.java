package dev.sparkk8s.connect;

import java.util.regex.Pattern;

/** Spark Connect URLs ({@code sc://host:port/;param=value;...}) as they may be shown: without the token's value. */
public final class ConnectUrls {

  private static final Pattern TOKEN = Pattern.compile("(;token=)[^;]*");

  private ConnectUrls() {
  }

  /** The URL with its {@code token} parameter's value hidden, for messages, progress lines and reports. */
  public static String redacted(String connectUrl) {
    return connectUrl == null ? null : TOKEN.matcher(connectUrl).replaceAll("$1***");
  }
}
