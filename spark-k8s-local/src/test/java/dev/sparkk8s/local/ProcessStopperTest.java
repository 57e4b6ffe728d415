package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A process tree stops on SIGTERM within its grace period, or is killed when the grace period is over. */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class ProcessStopperTest {

  @Test
  void aTreeThatHonoursSigtermStopsWithoutWaitingForTheGracePeriod() throws Exception {
    Process tree = start("sleep 60 & wait");
    List<ProcessHandle> all = treeOf(tree);
    long t0 = System.nanoTime();

    int signalled = ProcessStopper.stop(List.of(tree.toHandle()), Duration.ofSeconds(20));

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(10));
    assertThat(signalled).isEqualTo(2);
    assertThat(all).noneMatch(ProcessHandle::isAlive);
  }

  @Test
  void aTreeThatIgnoresSigtermIsKilledAfterTheGracePeriod() throws Exception {
    Process tree = start("trap '' TERM; sleep 60 & wait");
    List<ProcessHandle> all = treeOf(tree);
    long t0 = System.nanoTime();

    ProcessStopper.stop(List.of(tree.toHandle()), Duration.ofSeconds(2));

    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
    assertThat(all).noneMatch(ProcessHandle::isAlive);
  }

  private static Process start(String script) throws IOException {
    return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectInput(new File("/dev/null")).start();
  }

  /** The shell and its sleep, once the sleep runs. */
  private static List<ProcessHandle> treeOf(Process shell) throws InterruptedException {
    for (int i = 0; i < 100 && shell.descendants().findAny().isEmpty(); i++) {
      Thread.sleep(50);
    }
    List<ProcessHandle> all = new java.util.ArrayList<>(shell.descendants().toList());
    all.add(shell.toHandle());
    assertThat(all).hasSize(2);
    return all;
  }
}
