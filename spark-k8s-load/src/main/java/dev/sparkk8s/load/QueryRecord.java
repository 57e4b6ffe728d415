package dev.sparkk8s.load;

/**
 * One query of a load run.
 *
 * @param offsetMs  when it started, after the run's start
 * @param latencyMs how long it took
 * @param error     what went wrong (an exception or a wrong answer), null when right
 */
public record QueryRecord(int session, QueryType type, long offsetMs, long latencyMs, String error) {

  public boolean ok() {
    return error == null;
  }
}
