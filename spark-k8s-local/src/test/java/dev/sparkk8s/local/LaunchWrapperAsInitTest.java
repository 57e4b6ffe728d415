package dev.sparkk8s.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparkk8s.render.contract.Component;
import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The chart's launch wrapper runs the command under tini, as the image's entrypoint does for drivers and
 * executors: orphaned children (Python workers) are reaped and SIGTERM reaches the command. In a pod the
 * container's first process is PID 1 of its PID namespace, which {@code unshare --pid} gives here; there,
 * without the wrapper, a main process that does not reap keeps a zombie and ignores SIGTERM. Needs Debian's
 * tini and root (unshare).
 */
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class LaunchWrapperAsInitTest {

  /** A main process that leaves an orphan: a subshell starts {@code sleep 0.5} and exits at once. */
  private static final List<String> LEAVES_AN_ORPHAN = List.of("/bin/sh", "-c", "(sleep 0.5 &); exec sleep 60");
  private static final List<String> AS_PID_1 = List.of("unshare", "--pid", "--fork", "--kill-child");

  private final LaunchWrapper launch = RenderedContainers.launchWrapper(RenderedContainers.of("4.1", Component.MASTER));
  private final List<Process> started = new ArrayList<>();

  @Test
  void asPid1TheWrapperReapsOrphans() throws Exception {
    ProcessHandle bare = pid1(start(concat(AS_PID_1, LEAVES_AN_ORPHAN)));
    ProcessHandle wrapped = pid1(start(concat(AS_PID_1, launch.around(LEAVES_AN_ORPHAN))));
    Thread.sleep(2000);

    assertThat(ProcessTable.zombiesUnder(bare.pid())).as("the orphan, never reaped by a bare PID 1").hasSize(1);
    assertThat(ProcessTable.zombiesUnder(wrapped.pid())).isEmpty();
    assertThat(ProcessTable.childrenOf(wrapped.pid())).extracting(ProcessTable::name).containsExactly("sleep");
    assertThat(wrapped.info().command()).hasValue("/usr/bin/tini");
  }

  @Test
  void asPid1SigtermToTheWrapperStopsTheCommand() throws Exception {
    ProcessHandle bare = pid1(start(concat(AS_PID_1, List.of("sleep", "60"))));
    Process wrappedNamespace = start(concat(AS_PID_1, launch.around(List.of("sleep", "60"))));
    ProcessHandle wrapped = pid1(wrappedNamespace);
    ProcessHandle command = awaitChild(wrapped, "sleep");

    bare.destroy();
    wrapped.destroy();

    assertThat(command.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
    assertThat(wrappedNamespace.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(wrappedNamespace.exitValue()).as("tini exits with the command's signal").isEqualTo(128 + 15);
    assertThat(bare.isAlive()).as("a bare PID 1 without a SIGTERM handler ignores SIGTERM").isTrue();
  }

  @Test
  void notAsPid1TheWrapperStillAdoptsAndReapsOrphans() throws Exception {
    // How the local runtime runs it: tini -s makes itself the subreaper of what the command leaves behind.
    Process wrapped = start(launch.around(List.of("/bin/sh", "-c", "(sleep 1 &); exec sleep 60")));
    Thread.sleep(500);
    assertThat(ProcessTable.childrenOf(wrapped.pid())).as("the command and its orphan").hasSize(2);
    Thread.sleep(1500);

    assertThat(ProcessTable.zombiesUnder(wrapped.pid())).isEmpty();
    assertThat(ProcessTable.childrenOf(wrapped.pid())).hasSize(1);
  }

  @AfterEach
  void stop() {
    for (Process p : started) {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }

  private Process start(List<String> command) throws IOException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectInput(new File("/dev/null")).start();
    started.add(p);
    return p;
  }

  /** The first process of unshare's new PID namespace. */
  private static ProcessHandle pid1(Process unshare) throws InterruptedException {
    return awaitChild(unshare.toHandle(), null);
  }

  /** A child of the parent, with this name when one is given (the wrapper's own short-lived children are not). */
  private static ProcessHandle awaitChild(ProcessHandle parent, String name) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      for (ProcessTable child : ProcessTable.childrenOf(parent.pid())) {
        if (name == null || name.equals(child.name())) {
          return ProcessHandle.of(child.pid()).orElseThrow();
        }
      }
      Thread.sleep(50);
    }
    throw new AssertionError(parent.pid() + " has started no child" + (name == null ? "" : " named " + name));
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
