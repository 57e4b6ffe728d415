package dev.sparkk8s.policy;

import dev.sparkk8s.policy.source.PodSite;
import java.util.List;

/** A rule that looks at one pod spec at a time, wherever it was found. */
public abstract class PodRule implements Rule {

  @Override
  public final void check(Manifests manifests, List<Finding> out) {
    for (PodSite site : manifests.podSites()) {
      check(site, out);
    }
  }

  protected abstract void check(PodSite site, List<Finding> out);
}
