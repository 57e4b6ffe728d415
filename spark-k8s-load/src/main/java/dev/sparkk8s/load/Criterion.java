package dev.sparkk8s.load;

/** One green criterion of a run and whether it held. */
public record Criterion(String name, String threshold, String actual, boolean passed) {

  @Override
  public String toString() {
    return name + " " + threshold + ": " + actual + (passed ? " (pass)" : " (FAIL)");
  }
}
