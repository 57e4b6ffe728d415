package dev.sparkk8s.load;

/** HTML text escaping. */
final class Html {

  private Html() {
  }

  static String escape(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
