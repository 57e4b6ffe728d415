package dev.sparkk8s.bench;

import dev.sparkk8s.load.LoadOptions;
import dev.sparkk8s.load.LoadResult;
import dev.sparkk8s.load.LoadRunner;
import dev.sparkk8s.load.ScenarioLoader;
import java.time.Duration;

/**
 * One run of {@code spark-k8s load}'s runner with the {@code mixed} scenario at {@code --scale 0.2} (200,000
 * sales rows, 1,000 customers): the full-load definition of bench/README.md, every answer checked.
 */
final class LoadStep {

  static final double SCALE = 0.2;

  private LoadStep() {
  }

  /** The mixed scenario from {@code sessions} sessions for {@code duration}, its tables (generated once) in {@code data}. */
  static LoadResult mixed(String connectUrl, int sessions, Duration duration, String data) {
    LoadOptions o = new LoadOptions(connectUrl, ScenarioLoader.load("mixed"), sessions, duration, null, SCALE, data,
        null, null);
    try {
      return new LoadRunner(l -> Log.say("    " + l)).run(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The same, refused when a query failed: the times of a run with failures mean nothing. */
  static LoadResult mixedWithoutFailures(String connectUrl, int sessions, Duration duration, String data) {
    LoadResult result = mixed(connectUrl, sessions, duration, data);
    if (result.overall().failed() > 0) {
      throw new IllegalStateException(result.overall().failed() + " of " + result.overall().queries() + " queries failed ("
          + sessions + " sessions, data in " + data + "); their times mean nothing");
    }
    return result;
  }
}
