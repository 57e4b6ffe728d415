package dev.sparkk8s.bench;

import dev.sparkk8s.local.ClassDataArchive;
import dev.sparkk8s.local.LocalOptions;
import dev.sparkk8s.local.LocalPlatform;
import dev.sparkk8s.local.LocalState;
import dev.sparkk8s.local.SparkHome;
import dev.sparkk8s.render.UserValues;
import java.nio.file.Path;
import java.util.List;

/**
 * One {@code spark-k8s up --local} through the Java API, in a fresh run directory, with the given
 * {@code --workers} (null: up's default) and {@code --set} arguments; {@link #close()} runs {@code down}. {@link #upMs()} is the wall time of
 * {@code up}, which returns only after a first query through Spark Connect was answered and every process is
 * ready; {@link #firstAnswerMs()} that first answer.
 */
final class PlatformRun implements AutoCloseable {

  private final Path runDir;
  private final LocalState state;
  private final long upMs;
  private final long firstAnswerMs;

  PlatformRun(SparkHome home, Integer workers, List<String> sets, Path runDir) {
    this.runDir = runDir;
    // A free Connect port of our own: the chart's 15002 may be taken (or grabbed meanwhile) by another run.
    LocalOptions options = new LocalOptions(home.sparkVersion(), UserValues.sets(sets), workers, freePort(), runDir,
        null);
    // Made once per Spark home and JDK, like the build would: not part of a timed start.
    ClassDataArchive.of(home).ensure(line -> Log.say("  " + line));
    long t0 = System.nanoTime();
    LocalPlatform platform = new LocalPlatform(line -> Log.say("  up: " + line));
    this.state = platform.up(options, home);
    this.upMs = (System.nanoTime() - t0) / 1_000_000;
    this.firstAnswerMs = platform.firstAnswer().toMillis();
  }

  private static int freePort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException("no free port: " + e.getMessage(), e);
    }
  }

  String connectUrl() {
    return state.connectUrl();
  }

  LocalState state() {
    return state;
  }

  Path runDir() {
    return runDir;
  }

  long upMs() {
    return upMs;
  }

  /** From up's start to the Connect server's first answer (up returns later, when every process is ready). */
  long firstAnswerMs() {
    return firstAnswerMs;
  }

  @Override
  public void close() {
    int stopped = LocalPlatform.down(runDir);
    Log.say("  down: stopped " + stopped + " processes");
  }
}
