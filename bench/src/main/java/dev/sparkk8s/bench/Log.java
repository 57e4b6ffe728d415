package dev.sparkk8s.bench;

/** Progress on stderr; results go to stdout and the results file. */
final class Log {

  private Log() {
  }

  static void say(String line) {
    System.err.println(line);
    System.err.flush();
  }
}
