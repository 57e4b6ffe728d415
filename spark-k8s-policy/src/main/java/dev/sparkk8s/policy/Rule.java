package dev.sparkk8s.policy;

import java.util.List;

/** One rule, or one small family of rules sharing a check, over a whole set of rendered objects. */
public interface Rule {

  /** Adds every violation found in {@code manifests} to {@code out}. */
  void check(Manifests manifests, List<Finding> out);
}
