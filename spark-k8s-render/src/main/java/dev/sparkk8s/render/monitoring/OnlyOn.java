package dev.sparkk8s.render.monitoring;

import java.util.Arrays;
import java.util.Optional;

/**
 * Where an alert or a dashboard panel can have data at all, as its description says in its first words: the
 * chart's way to mark metrics that only a Kubernetes cluster (kube-state-metrics, executor pods) or only a
 * Standalone cluster has.
 */
public enum OnlyOn {
  KUBERNETES("Only on Kubernetes"),
  STANDALONE("Only on Standalone");

  private final String marker;

  OnlyOn(String marker) {
    this.marker = marker;
  }

  /** The words a description starts with to be marked. */
  public String marker() {
    return marker;
  }

  /** The mark of a description, if it starts with one. */
  public static Optional<OnlyOn> of(String description) {
    return description == null ? Optional.empty()
        : Arrays.stream(values()).filter(o -> description.startsWith(o.marker)).findFirst();
  }
}
