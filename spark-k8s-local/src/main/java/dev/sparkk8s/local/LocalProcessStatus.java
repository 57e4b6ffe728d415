package dev.sparkk8s.local;

/**
 * One process of a local platform as {@code status --local} reports it.
 *
 * @param state RUNNING (alive and its ports answer), STARTING (alive, ports not answering) or DEAD
 */
public record LocalProcessStatus(LocalProcess process, String state) {

  static LocalProcessStatus of(LocalProcess p) {
    if (!p.alive()) {
      return new LocalProcessStatus(p, "DEAD");
    }
    boolean answering = p.ports().values().stream().allMatch(Readiness::tcp);
    return new LocalProcessStatus(p, answering ? "RUNNING" : "STARTING");
  }

  public boolean healthy() {
    return state.equals("RUNNING");
  }
}
