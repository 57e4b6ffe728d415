package dev.sparkk8s.load;

/** The kinds of query a scenario mixes; each has a fixed SQL shape over the generated tables. */
public enum QueryType {
  SCAN, AGGREGATE, JOIN, WINDOW, WRITE;

  public String key() {
    return name().toLowerCase();
  }
}
